package dev.netc.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Eight threads calling one executor's kernels at once, each on its own shape, many times over: every result equals
 * the one computed alone (and checked against the product in double), and nothing deadlocks (the test has a time limit), for 2 and 4 threads per executor.
 */
class ConcurrentCallsTest {

    private static final int CALLERS = 8;
    private static final int ROUNDS = 40;

    @Test
    void concurrentCallsAgreeWithSequentialOnes() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            int checked = 0;
            for (int threads : new int[] {2, 4}) {
                for (DenseKernel kernel : Implementations.both()) {
                    checked += runConcurrently(Implementations.on(kernel, threads));
                }
            }
            assertEquals(4 * CALLERS * ROUNDS, checked, "concurrent rounds checked");
        });
    }

    private static int runConcurrently(TiledDense kernels) throws Exception {
        List<DenseCase> cases = new ArrayList<>();
        List<float[][]> expected = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            DenseCase c =
                    new DenseCase(1 + caller * 9, 100 + 37 * caller, 200 - 11 * caller, caller % 2 == 0, 2, caller);
            cases.add(c);
            expected.add(
                    new float[][] {c.checkForward(kernels), c.checkGradient(kernels), c.checkInputGradient(kernels)});
        }
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                DenseCase c = cases.get(caller);
                float[][] alone = expected.get(caller);
                float[] p = c.parameters(), x = c.x(), dz = c.dz(), g0 = c.gradients();
                rounds.add(callers.submit(() -> {
                    float[] z = new float[c.rows() * c.units()], dx = new float[c.rows() * c.inputs()];
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        float[] g = g0.clone();
                        kernels.forward(p, c.weights(), c.bias(), c.inputs(), c.units(), x, c.xOffset(), c.rows(), z);
                        kernels.gradient(
                                dz, x, c.xOffset(), c.rows(), c.inputs(), c.units(), g, c.weights(), c.bias(), true);
                        kernels.inputGradient(p, c.weights(), c.inputs(), c.units(), dz, c.rows(), dx);
                        assertArrayEquals(alone[0], z, c + " forward");
                        assertArrayEquals(alone[1], g, c + " gradient");
                        assertArrayEquals(alone[2], dx, c + " input gradient");
                    }
                    return ROUNDS;
                }));
            }
            start.countDown();
            int done = 0;
            for (Future<Integer> f : rounds) {
                done += f.get();
            }
            return done;
        } finally {
            callers.shutdownNow();
        }
    }
}
