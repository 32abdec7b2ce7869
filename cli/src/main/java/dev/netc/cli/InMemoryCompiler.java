package dev.netc.cli;

import com.palantir.javapoet.JavaFile;
import dev.netc.processor.emit.EmitOptions;
import dev.netc.processor.emit.NetworkClassEmitter;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a network's generated class in this JVM and instantiates it, so the commands that train and evaluate run
 * the same generated code a Maven build gets (the same emitter, the same options), without writing files.
 */
final class InMemoryCompiler {

    private InMemoryCompiler() {}

    /**
     * Generates, compiles and loads the class of {@code network}.
     *
     * @param source how the generated header names the spec, e.g. the YAML path
     * @throws IllegalStateException when this Java has no compiler (a JRE), or the generated code does not compile
     *     (a netc bug)
     */
    static TrainableNetwork load(CheckedNetwork network, String source) {
        JavaFile file = NetworkClassEmitter.emit(network, EmitOptions.of(source));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException(
                    "this Java runtime has no compiler: run netc with a JDK (set JAVA_HOME to one)");
        }
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
                JavaFileManager files = new ClassCollector(standard, classes)) {
            List<String> options =
                    List.of("-proc:none", "--release", "17", "-classpath", System.getProperty("java.class.path"));
            boolean compiled = javac.getTask(messages, files, null, options, null, List.of(source(file)))
                    .call();
            if (!compiled) {
                throw new IllegalStateException("netc internal error: the class generated for "
                        + network.spec().qualifiedName() + " does not compile (please report):\n" + messages);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ClassLoader loader = new BytesClassLoader(classes, InMemoryCompiler.class.getClassLoader());
        try {
            return (TrainableNetwork) loader.loadClass(network.spec().qualifiedName())
                    .getConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("netc internal error: cannot instantiate the generated class", e);
        }
    }

    private static JavaFileObject source(JavaFile file) {
        String path = file.toJavaFileObject().toUri().getPath();
        return new SimpleJavaFileObject(URI.create("string://" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return file.toString();
            }
        };
    }

    /** Keeps the class files javac writes in memory, by binary name. */
    private static final class ClassCollector extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes;

        ClassCollector(StandardJavaFileManager files, Map<String, ByteArrayOutputStream> classes) {
            super(files);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("bytes:///" + className.replace('.', '/')), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    classes.put(className, bytes);
                    return bytes;
                }
            };
        }
    }

    /** Defines the compiled classes; everything else comes from netc's own class loader. */
    private static final class BytesClassLoader extends ClassLoader {
        private final Map<String, ByteArrayOutputStream> classes;

        BytesClassLoader(Map<String, ByteArrayOutputStream> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] code = bytes.toByteArray();
            return defineClass(name, code, 0, code.length);
        }
    }
}
