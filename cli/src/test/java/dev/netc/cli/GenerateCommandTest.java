package dev.netc.cli;

import static dev.netc.cli.NetcRun.netc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    private static final String IRIS = "src/test/resources/specs/iris.yaml";
    private static final String SOFTMAX_HIDDEN = "src/test/resources/specs/softmax-hidden.yaml";

    @TempDir
    Path out;

    @Test
    void writesTheClassInItsPackageFolderAndItCompilesWithoutWarnings() throws IOException {
        NetcRun run = netc("generate", IRIS, "-d", out.toString());

        assertEquals(0, run.exitCode(), run.describe());
        Path source = out.resolve("com/example/iris/IrisNet.java");
        assertEquals(List.of(source.toString()), run.outLines());
        String text = Files.readString(source, StandardCharsets.UTF_8);
        assertTrue(text.contains("// Source: " + IRIS), text);
        assertTrue(text.contains("public final class IrisNet implements TrainableNetwork"), text);
        assertCompiles(source);
    }

    @Test
    void unrollLimitZeroLoopsEveryLayer() throws IOException {
        NetcRun run = netc("generate", IRIS, "-d", out.toString(), "--unroll-limit", "0");

        assertEquals(0, run.exitCode(), run.describe());
        String text = Files.readString(out.resolve("com/example/iris/IrisNet.java"), StandardCharsets.UTF_8);
        assertFalse(text.contains("unrolled"), text);
        assertTrue(text.contains("looped"), text);
    }

    @Test
    void aSpecWithErrorsWritesNothingAndPrintsItsDiagnostics() throws IOException {
        NetcRun run = netc("generate", IRIS, SOFTMAX_HIDDEN, "-d", out.toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains(SOFTMAX_HIDDEN + ":"), run.describe());
        assertTrue(run.err().contains("[netc:softmax-not-output]"), run.describe());
        try (Stream<Path> written = Files.walk(out)) {
            assertEquals(List.of(out), written.toList(), "nothing may be written");
        }
    }

    @Test
    void twoSpecsForOneClassAreRejected(@TempDir Path specs) throws IOException {
        String copy = Files.copy(Path.of(IRIS), specs.resolve("iris-copy.yaml")).toString();

        NetcRun run = netc("generate", IRIS, copy, "-d", out.toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(
                run.err()
                        .contains("class com.example.iris.IrisNet is generated from both " + IRIS + " and " + copy
                                + " [netc:duplicate-class]"),
                run.describe());
        try (Stream<Path> written = Files.walk(out)) {
            assertEquals(List.of(out), written.toList(), "nothing may be written");
        }
    }

    @Test
    void anUnwritableDirectoryIsAnErrorNamingThePath() throws IOException {
        Path notADirectory = Files.writeString(out.resolve("file"), "x");

        NetcRun run = netc("generate", IRIS, "-d", notADirectory.toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("netc generate: cannot write " + notADirectory), run.describe());
        assertEquals("x", Files.readString(notADirectory), "the existing file is untouched");
    }

    @Test
    void anUnrollLimitOutOfRangeIsAUsageError() {
        NetcRun run = netc("generate", IRIS, "-d", out.toString(), "--unroll-limit", "-1");

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("--unroll-limit must be 0 to"), run.describe());
    }

    @Test
    void withoutADirectoryItIsAUsageError() {
        NetcRun run = netc("generate", IRIS);

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("--directory"), run.describe());
    }

    /** Compiles {@code source} against this test's class path (which has the runtime) with every lint as an error. */
    private void assertCompiles(Path source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        Path classes = Files.createDirectories(out.resolve("classes"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(
                            messages,
                            files,
                            null,
                            List.of(
                                    "-Xlint:all",
                                    "-Werror",
                                    "-proc:none",
                                    "-classpath",
                                    System.getProperty("java.class.path"),
                                    "-d",
                                    classes.toString()),
                            null,
                            files.getJavaFileObjects(source))
                    .call();
            assertTrue(compiled, messages.toString());
        }
    }
}
