package dev.netc.processor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the tests in a fresh JVM on this test's class path, with the same dense kernels as this JVM:
 * the Vector API module is passed on when this JVM has it, since {@code DenseKernels} chooses its implementation from
 * the modules present and the two implementations round differently.
 */
final class ChildJvm {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private ChildJvm() {}

    /**
     * The standard output (and error) of {@code main} run with {@code options} before the class name; fails the test
     * unless it exits with 0 within two minutes.
     */
    static String run(Class<?> main, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            command.add("--add-modules");
            command.add(VECTOR_MODULE);
        }
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM finished");
        assertEquals(0, child.exitValue(), output);
        return withoutIncubatorWarning(output);
    }

    /** The output without the line the JDK prints on standard error when an incubator module is in use. */
    private static String withoutIncubatorWarning(String output) {
        return output.lines()
                .filter(line -> !line.startsWith("WARNING: Using incubator modules"))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }
}
