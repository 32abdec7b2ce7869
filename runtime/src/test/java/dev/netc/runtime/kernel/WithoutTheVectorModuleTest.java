package dev.netc.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * netc works, on the plain kernels, in a JVM started without {@code --add-modules jdk.incubator.vector}: {@link
 * DenseKernels} picks the scalar implementation without ever linking the vector one, and computes exactly what the
 * scalar implementation computes here, on 1 thread or on 3. {@code netc.kernels=scalar} forces the same with the
 * module present.
 */
class WithoutTheVectorModuleTest {

    @Test
    void theScalarKernelsRunWithoutTheModule() throws Exception {
        List<String> expected = List.of("scalar", expectedSums());
        assertEquals(expected, probe(List.of("-Dnetc.threads=1")));
        assertEquals(expected, probe(List.of("-Dnetc.threads=3")));
    }

    @Test
    void theScalarKernelsCanBeForcedWithTheModule() throws Exception {
        assertEquals(
                List.of("scalar", expectedSums()),
                probe(List.of("--add-modules", "jdk.incubator.vector", "-Dnetc.kernels=scalar")));
    }

    private static String expectedSums() {
        TiledDense scalar = Implementations.on(Implementations.scalar(), 1);
        DenseCase c = KernelProbe.CASE;
        return Arrays.hashCode(c.forward(scalar)) + " " + Arrays.hashCode(c.gradient(scalar, true)) + " "
                + Arrays.hashCode(c.inputGradient(scalar));
    }

    /** The probe's standard output lines, run with {@code options}; fails if it does not exit with 0. */
    private static List<String> probe(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelProbe.class.getName()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe did not finish within 60 s: " + command);
        }
        assertEquals(0, process.exitValue(), "exit status of " + command + ", output: " + out);
        return out.lines().toList();
    }
}
