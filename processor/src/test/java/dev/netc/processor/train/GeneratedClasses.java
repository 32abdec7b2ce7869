package dev.netc.processor.train;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.netc.check.SpecValidator;
import dev.netc.processor.emit.EmitOptions;
import dev.netc.processor.emit.NetworkClassEmitter;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Generated network classes for the training tests: a YAML spec checked, emitted, compiled in memory as a strict user
 * build would (every lint, warnings as errors), and loaded against the runtime on the test class path. Usable from a
 * child JVM too, which is how the determinism test trains the same class in a second process.
 */
final class GeneratedClasses {

    private GeneratedClasses() {}

    /** The checked network of a YAML spec; fails if the spec has a diagnostic. */
    static CheckedNetwork checked(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork network = YamlSpecReader.read(yaml.getBytes(StandardCharsets.UTF_8), "train.yaml", diagnostics)
                .flatMap(spec -> SpecValidator.validate(spec, diagnostics))
                .orElse(null);
        assertWithMessage("diagnostics of\n%s", yaml).that(diagnostics.all()).isEmpty();
        return network;
    }

    /** A new instance of the class generated from {@code network}. */
    static TrainableNetwork instance(CheckedNetwork network) {
        JavaFileObject source =
                NetworkClassEmitter.emit(network, EmitOptions.of("train.yaml")).toJavaFileObject();
        Compilation compilation =
                javac().withOptions("-Xlint:all,-processing", "-Werror").compile(List.of(source));
        assertWithMessage("javac diagnostics: %s", compilation.diagnostics())
                .that(compilation.status())
                .isEqualTo(Compilation.Status.SUCCESS);
        String name = network.spec().qualifiedName();
        try {
            return (TrainableNetwork)
                    loader(compilation).loadClass(name).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + name, e);
        }
    }

    private static ClassLoader loader(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String binaryName = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length())
                    .replaceFirst("\\.class$", "")
                    .replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(binaryName, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClassLoader(GeneratedClasses.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
