package dev.netc.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Warm kernel calls allocate nothing, neither on the calling thread nor on the pool's workers, for both
 * implementations, on calls large enough to be split over the pool. Each measured window covers 20 rounds of the
 * three kernels. Until C2 has compiled them, the Vector API allocates a box per vector operation, and the VM itself
 * sometimes allocates on a thread at a one-time event; so windows are measured until one reads exactly 0, up to
 * {@value #WINDOWS}, where an allocation in the calls would show in every one.
 */
class NoAllocationTest {

    private static final int WINDOWS = 200;

    /** Where the control allocation goes, so that it cannot be optimised away. */
    private static float[] kept;

    @Test
    void warmCallsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        int measured = 0;
        for (DenseKernel kernel : Implementations.both()) {
            TiledDense kernels = Implementations.on(kernel, 2);
            DenseCase c = new DenseCase(32, 300, 200, true, 0, 5L);
            float[] p = c.parameters(), x = c.x(), dz = c.dz(), g = c.gradients();
            float[] z = new float[c.rows() * c.units()], dx = new float[c.rows() * c.inputs()];
            long[] ids = ids(Thread.currentThread().getId(), workerIds());
            sum(threads, ids); // its first read allocates
            List<Long> windows = new ArrayList<>();
            while (windows.size() < WINDOWS && !windows.contains(0L)) {
                long before = sum(threads, ids);
                for (int round = 0; round < 20; round++) {
                    kernels.forward(p, c.weights(), c.bias(), c.inputs(), c.units(), x, 0, c.rows(), z);
                    kernels.gradient(dz, x, 0, c.rows(), c.inputs(), c.units(), g, c.weights(), c.bias(), true);
                    kernels.inputGradient(p, c.weights(), c.inputs(), c.units(), dz, c.rows(), dx);
                }
                windows.add(sum(threads, ids) - before);
            }
            assertTrue(
                    windows.contains(0L),
                    kernel.name() + ": bytes allocated per window, the last ten "
                            + windows.subList(Math.max(0, windows.size() - 10), windows.size()));
            measured++;
        }
        assertEquals(2, measured);
        long[] caller = {Thread.currentThread().getId()};
        long before = sum(threads, caller);
        kept = new float[1000];
        long control = sum(threads, caller) - before;
        assertTrue(control >= 4000, "the counter sees an allocation of one array, found " + control);
    }

    /** The ids of the pool's worker threads, which must exist (2-thread executors have one). */
    private static long[] workerIds() {
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("netc-kernels-"))
                .mapToLong(Thread::getId)
                .toArray();
        assertTrue(ids.length > 0, "no worker thread found");
        return ids;
    }

    private static long[] ids(long caller, long[] workers) {
        long[] ids = new long[workers.length + 1];
        ids[0] = caller;
        System.arraycopy(workers, 0, ids, 1, workers.length);
        return ids;
    }

    /** The bytes allocated so far by the threads {@code ids}, read one thread at a time, which allocates nothing. */
    private static long sum(com.sun.management.ThreadMXBean threads, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += threads.getThreadAllocatedBytes(id);
        }
        return sum;
    }
}
