package dev.netc.processor.property;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import dev.netc.check.SpecValidator;
import dev.netc.processor.emit.EmitOptions;
import dev.netc.processor.emit.NetworkClassEmitter;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;

/**
 * The generated classes of several networks from one in-memory javac run (one compilation costs about a second, so
 * the property tests batch theirs), loaded against the runtime on the test class path.
 */
final class CompiledNetworks {

    private final ClassLoader loader;

    private CompiledNetworks(ClassLoader loader) {
        this.loader = loader;
    }

    /** Checks a YAML spec; fails the test if it has any diagnostic. */
    static CheckedNetwork checked(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<NetworkSpec> spec =
                YamlSpecReader.read(yaml.getBytes(StandardCharsets.UTF_8), "property.yaml", diagnostics);
        Optional<CheckedNetwork> checked = spec.flatMap(s -> SpecValidator.validate(s, diagnostics));
        assertWithMessage("diagnostics of\n%s", yaml).that(diagnostics.all()).isEmpty();
        return checked.orElseThrow();
    }

    /**
     * Emits and compiles every network, network {@code i} unrolled up to {@code unrollLimits.get(i)} units per layer,
     * with every lint on and warnings as errors; fails the test on any javac diagnostic.
     */
    static CompiledNetworks compile(List<CheckedNetwork> networks, List<Integer> unrollLimits) {
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            JavaFile file = NetworkClassEmitter.emit(
                    networks.get(i), EmitOptions.of("property test").withUnrollLimit(unrollLimits.get(i)));
            sources.add(file.toJavaFileObject());
        }
        Compilation compilation =
                javac().withOptions("-Xlint:all,-processing", "-Werror").compile(sources);
        assertWithMessage("javac diagnostics: %s", compilation.diagnostics())
                .that(compilation.status())
                .isEqualTo(Compilation.Status.SUCCESS);
        Map<String, byte[]> classes = classFiles(compilation);
        return new CompiledNetworks(new ClassLoader(CompiledNetworks.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        });
    }

    /** A new instance of the generated class of {@code network}. */
    TrainableNetwork instance(CheckedNetwork network) {
        String name = network.spec().qualifiedName();
        try {
            return (TrainableNetwork) loader.loadClass(name).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + name, e);
        }
    }

    private static Map<String, byte[]> classFiles(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        String marker = "/CLASS_OUTPUT/";
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String binaryName = path.substring(path.indexOf(marker) + marker.length())
                    .replaceFirst("\\.class$", "")
                    .replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(binaryName, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classes;
    }
}
