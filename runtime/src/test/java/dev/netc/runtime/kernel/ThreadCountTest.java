package dev.netc.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Results are bit-identical on 1, 2 and 4 threads, for both implementations, on blocks large enough to be split into
 * tiles along every output dimension, with sizes that leave partial tiles and partial vectors, and at one row.
 */
class ThreadCountTest {

    private static final List<DenseCase> SHAPES = List.of(
            new DenseCase(70, 300, 50, true, 3, 1L),
            new DenseCase(32, 784, 512, true, 0, 2L),
            new DenseCase(1, 784, 512, false, 784, 3L),
            new DenseCase(130, 531, 37, true, 1, 4L),
            new DenseCase(65, 9, 1000, false, 0, 5L));
    private static final AtomicInteger checked = new AtomicInteger();

    static List<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (DenseKernel kernel : Implementations.both()) {
            for (DenseCase c : SHAPES) {
                arguments.add(Arguments.of(kernel.name(), c));
            }
        }
        return arguments;
    }

    @AfterAll
    static void everyCaseRan() {
        assertEquals(2 * SHAPES.size(), checked.get(), "cases checked");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void resultsDoNotDependOnTheThreadCount(String implementation, DenseCase c) {
        DenseKernel kernel = KernelSelection.kernel(implementation, true);
        long work = (long) c.rows() * c.inputs() * c.units();
        assertTrue(work >= TiledDense.PARALLEL_MULTIPLY_ADDS, "large enough to split: " + c);
        TiledDense one = Implementations.on(kernel, 1);
        float[] z = c.checkForward(one), g = c.checkGradient(one), dx = c.checkInputGradient(one);
        for (int threads : new int[] {2, 4}) {
            TiledDense many = Implementations.on(kernel, threads);
            assertArrayEquals(z, c.checkForward(many), "forward on " + threads + " threads");
            assertArrayEquals(g, c.checkGradient(many), "gradient on " + threads + " threads");
            assertArrayEquals(dx, c.checkInputGradient(many), "input gradient on " + threads + " threads");
        }
        checked.incrementAndGet();
    }
}
