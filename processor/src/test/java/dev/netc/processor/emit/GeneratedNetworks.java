package dev.netc.processor.emit;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import dev.netc.check.SpecValidator;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;

/**
 * Test helpers for generated classes: check a YAML spec, compile generated sources in memory with every lint on and
 * warnings as errors (a strict user build), and load the classes against the runtime on the test class path.
 */
final class GeneratedNetworks {

    /**
     * Every lint but {@code processing} (which only warns that no processor claimed netc's annotations on the user
     * sources compiled alongside), and warnings as errors.
     */
    static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

    private GeneratedNetworks() {}

    /** The checked network of a YAML spec; fails the test if the spec has any diagnostic. */
    static CheckedNetwork checked(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<NetworkSpec> spec =
                YamlSpecReader.read(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", diagnostics);
        Optional<CheckedNetwork> checked = spec.flatMap(s -> SpecValidator.validate(s, diagnostics));
        assertWithMessage("diagnostics of\n%s", yaml).that(diagnostics.all()).isEmpty();
        return checked.orElseThrow();
    }

    /** Compiles {@code files} strictly; fails the test, showing the diagnostics, if javac reports anything. */
    static Compilation compile(List<JavaFile> files) {
        return compile(files, List.of());
    }

    /**
     * Compiles {@code files} strictly together with hand-written {@code userSources} (the interfaces, records and enums
     * they implement and read); fails the test, showing the diagnostics, if javac reports anything.
     */
    static Compilation compile(List<JavaFile> files, List<JavaFileObject> userSources) {
        List<JavaFileObject> sources = new ArrayList<>(userSources);
        files.forEach(file -> sources.add(file.toJavaFileObject()));
        Compilation compilation = javac().withOptions(STRICT).compile(sources);
        assertWithMessage("javac diagnostics: %s", compilation.diagnostics())
                .that(compilation.status())
                .isEqualTo(Compilation.Status.SUCCESS);
        assertWithMessage("javac diagnostics").that(compilation.diagnostics()).isEmpty();
        return compilation;
    }

    /** The class files of {@code compilation}, by binary name. */
    static Map<String, byte[]> classFiles(Compilation compilation) {
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
        return classes;
    }

    /** Loads the compiled classes; the runtime contracts come from the test class path. */
    static ClassLoader load(Compilation compilation) {
        Map<String, byte[]> classes = classFiles(compilation);
        return new ClassLoader(GeneratedNetworks.class.getClassLoader()) {
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

    /** A new instance of the generated class {@code qualifiedName} of an interface, holding {@code parameters}. */
    static Object instance(ClassLoader loader, String qualifiedName, float[] parameters) {
        try {
            return loader.loadClass(qualifiedName).getConstructor(float[].class).newInstance((Object) parameters);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + qualifiedName, e);
        }
    }

    /** A new instance of the generated class {@code qualifiedName}. */
    static TrainableNetwork instance(ClassLoader loader, String qualifiedName) {
        try {
            return (TrainableNetwork)
                    loader.loadClass(qualifiedName).getConstructor().newInstance();
        } catch (ClassNotFoundException
                | NoSuchMethodException
                | InstantiationException
                | IllegalAccessException
                | InvocationTargetException e) {
            throw new AssertionError("cannot instantiate " + qualifiedName, e);
        }
    }

    /** Calls the one-argument public method {@code name}, rethrowing what it throws. */
    static Object call(Object target, String name, Object argument) throws Exception {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                try {
                    return method.invoke(target, argument);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        }
        throw new AssertionError("no method " + name + " on " + target.getClass());
    }

    /** {@code values} cut into rows of {@code width}, widened to double: a batch as the reference reads it. */
    static double[][] rows(float[] values, int width) {
        double[][] rows = new double[values.length / width][width];
        for (int i = 0; i < values.length; i++) {
            rows[i / width][i % width] = values[i];
        }
        return rows;
    }
}
