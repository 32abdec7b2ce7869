package dev.netc.runtime.kernel;

import java.util.List;
import java.util.Map;

/**
 * The two kernel implementations, and executors of 1, 2 and 4 threads shared by the tests (their workers live as
 * long as the test JVM, parked when idle).
 */
final class Implementations {

    private static final Map<Integer, TileExecutor> EXECUTORS =
            Map.of(1, new TileExecutor(1), 2, new TileExecutor(2), 4, new TileExecutor(4));

    private Implementations() {}

    static DenseKernel scalar() {
        return KernelSelection.kernel("scalar", true);
    }

    static DenseKernel vector() {
        return KernelSelection.kernel("vector", true);
    }

    static List<DenseKernel> both() {
        return List.of(scalar(), vector());
    }

    /** {@code kernel} split over {@code threads} threads (1, 2 or 4). */
    static TiledDense on(DenseKernel kernel, int threads) {
        return new TiledDense(kernel, EXECUTORS.get(threads));
    }
}
