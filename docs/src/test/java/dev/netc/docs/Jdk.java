package dev.netc.docs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The JDK these tests run on, whose {@code javac} and {@code java} build and run the pages' code, and the class path
 * that stands in for what Maven resolves for the pages' poms: it holds the runtime, the processor and the command
 * line (all test dependencies of this module) with everything they need.
 */
final class Jdk {

    private Jdk() {}

    /** A tool of the running JDK, as {@code ${java.home}/bin/NAME}. */
    static Path tool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(tool + " is missing: these tests need a JDK, not a JRE");
        }
        return tool;
    }

    /**
     * This JVM's class path: the module's test dependencies, netc's modules among them. Entries that do not exist
     * (this module has no main classes) are left out, so that javac's {@code path} lint has nothing to say.
     */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && Files.exists(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
