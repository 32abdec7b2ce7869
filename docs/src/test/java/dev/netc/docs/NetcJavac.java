package dev.netc.docs;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * javac with netc's processor, for the short examples of the README and concepts.md, in the two ways the builds of
 * maven.md run it: over Java sources with the processor on the processor path, and over a folder of specs with
 * {@code -Anetc.specDir}. Both compile strictly ({@link ProjectBuild#STRICT}). javac runs in this JVM (its paths are
 * all absolute here), which spares a JVM start per compilation; it loads the processor from the processor path or
 * the class path given, as a build's javac does.
 */
final class NetcJavac {

    private NetcJavac() {}

    /** Compiles {@code sources} into {@code classes}, netc's processor discovered on the processor path. */
    static void compileSources(List<Path> sources, Path classes) {
        List<String> args = base(classes);
        args.addAll(List.of("-processorpath", Jdk.classPath()));
        sources.stream().map(Path::toString).forEach(args::add);
        run(args);
    }

    /** Compiles the classes of the specs in {@code specDirectory} into {@code classes}. */
    static void compileSpecs(Path specDirectory, Path classes) {
        List<String> args = base(classes);
        args.addAll(List.of(
                "-processor",
                "dev.netc.processor.NetcProcessor",
                "-Anetc.specDir=" + specDirectory.toAbsolutePath(),
                "java.lang.Object"));
        run(args);
    }

    private static List<String> base(Path classes) {
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-s",
                classes.toString(),
                "-classpath",
                classes + File.pathSeparator + Jdk.classPath(),
                "--release",
                "17"));
        args.addAll(ProjectBuild.STRICT);
        return args;
    }

    private static void run(List<String> args) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: these tests need a JDK, not a JRE");
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, args.toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("javac " + ChildProcess.commandLine(args) + "\nexit status " + status + "\n"
                    + messages.toString(StandardCharsets.UTF_8));
        }
    }
}
