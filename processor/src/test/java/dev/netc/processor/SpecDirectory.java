package dev.netc.processor;

import static com.google.testing.compile.Compiler.javac;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A directory of YAML specs for one test, and compilations that name it with {@code -Anetc.specDir}, strict as a user
 * build is ({@link NetcCompiler#STRICT}).
 */
final class SpecDirectory {

    /** A class with nothing netc reads, for compilations of YAML specs alone. */
    static final JavaFileObject PLACEHOLDER = JavaFileObjects.forSourceLines(
            "com.example.Placeholder", "package com.example;", "", "final class Placeholder {}");

    private final Path root;

    SpecDirectory(Path root) {
        this.root = root;
    }

    /** The directory, as the option names it. */
    Path root() {
        return root;
    }

    /** Writes a spec at {@code relativePath} (folders are created), one string per line. */
    SpecDirectory write(String relativePath, String... lines) {
        Path file = root.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, List.of(lines), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** How messages and headers name the spec at {@code relativePath}. */
    String display(String relativePath) {
        return root.resolve(relativePath).toString();
    }

    /**
     * Compiles {@code sources} with the processor javac loads, reading this directory. With no source, a placeholder
     * class is compiled: javac compiles nothing without a source file or a class name.
     */
    Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /** Compiles with more {@code -A} options, such as {@code -Anetc.unrollLimit=0}. */
    Compilation compile(List<String> options, JavaFileObject... sources) {
        return compileWith(List.of(new NetcProcessor()), options, sources);
    }

    /** Compiles with these processors, which javac runs in this order. */
    Compilation compileWith(List<Processor> processors, List<String> options, JavaFileObject... sources) {
        return compileNaming(root.toString(), processors, options, sources);
    }

    /** Compiles with {@code -Anetc.specDir=specDir}, which may name several directories. */
    static Compilation compileNaming(
            String specDir, List<Processor> processors, List<String> options, JavaFileObject... sources) {
        List<String> all = new ArrayList<>(NetcCompiler.STRICT);
        all.add("-Anetc.specDir=" + specDir);
        all.addAll(options);
        JavaFileObject[] compiled = sources.length == 0 ? new JavaFileObject[] {PLACEHOLDER} : sources;
        return javac().withProcessors(processors).withOptions(all).compile(compiled);
    }

    /**
     * Compiles as the YAML-only build of docs/maven.md does: javac gets no source, only the class name {@code
     * java.lang.Object} to process, and the processor is named explicitly. Sources go to {@code output/sources},
     * classes to {@code output/classes}, and stay there when the compilation fails.
     */
    DiskCompilation compileToDisk(Path output) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path sources = output.resolve("sources");
        Path classes = output.resolve("classes");
        List<String> options = new ArrayList<>(NetcCompiler.STRICT);
        options.addAll(List.of(
                "-classpath",
                System.getProperty("java.class.path"),
                "-processor",
                NetcProcessor.class.getName(),
                "-Anetc.specDir=" + root,
                "-s",
                sources.toString(),
                "-d",
                classes.toString()));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
            boolean succeeded = javac.getTask(null, files, diagnostics, options, List.of("java.lang.Object"), List.of())
                    .call();
            return new DiskCompilation(succeeded, diagnostics.getDiagnostics(), sources, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The result of {@link #compileToDisk}.
     *
     * @param succeeded whether javac reported no error
     * @param diagnostics everything javac reported
     * @param sources where generated sources went
     * @param classes where class files went
     */
    record DiskCompilation(
            boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path sources, Path classes) {

        /** The generated source of {@code className}, a path that exists only if it was written. */
        Path source(String className) {
            return sources.resolve(className.replace('.', '/') + ".java");
        }

        /** The class file of {@code className}, a path that exists only if it was written. */
        Path classFile(String className) {
            return classes.resolve(className.replace('.', '/') + ".class");
        }

        /** The messages of javac's errors, in order. */
        List<String> errors() {
            return diagnostics.stream()
                    .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                    .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                    .toList();
        }
    }

    /** The XOR network of the first write-up, in package {@code com.example.xor}. */
    static String[] xor() {
        return new String[] {
            "network: XorNet",
            "package: com.example.xor",
            "input: [x, y, xy]",
            "layers:",
            "  - {dense: 2, activation: sigmoid, name: hidden}",
            "  - {dense: 1, activation: sigmoid, name: output}",
            "loss: binary_crossentropy",
            "optimizer: {sgd: {learning_rate: 0.03}}"
        };
    }
}
