package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Adam;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Steps after the first epoch allocate nothing: the training thread's allocated-bytes counter, read at the end of
 * batch {@value #FROM} and of batch {@value #TO} of each later epoch, does not move, with shuffling, clipping, Adam,
 * validation, metrics and the progress lines all on. The VM itself sometimes allocates on the thread at a one-time
 * event, so one of the measured epochs must read exactly 0; an allocation in the step shows in every one.
 */
class NoAllocationTest {

    private static final int FROM = 20;
    private static final int TO = 220;
    private static final int EPOCHS = 4;

    @Test
    void stepsAfterTheFirstEpochAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        threads.getCurrentThreadAllocatedBytes(); // its first read allocates
        AllocationProbe probe = new AllocationProbe(threads);

        Trainer.of(new LinearModel(2))
                .optimizer(Adam.builder().learningRate(1e-3).build())
                .clipGradientNorm(1)
                .batchSize(8)
                .epochs(EPOCHS)
                .validation(TrainingData.line(100, 2))
                .metrics(Metric.meanSquaredError())
                .callbacks(probe)
                .progress(Progress.lines(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))
                .fit(new float[3], TrainingData.line(8 * 256, 1));

        assertEquals(EPOCHS - 1, probe.windows.size(), "epochs measured");
        assertTrue(
                probe.windows.contains(0L),
                "bytes allocated between batches " + FROM + " and " + TO + " of each" + " epoch after the first: "
                        + probe.windows);
        long before = threads.getCurrentThreadAllocatedBytes();
        probe.kept = new float[1000];
        long control = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(control >= 4000, "the counter sees an allocation of one array, found " + control);
    }

    /** Reads the counter at two batches of every epoch after the first, allocating nothing itself. */
    private static final class AllocationProbe implements Callback {

        private final com.sun.management.ThreadMXBean threads;
        private final List<Long> windows = new ArrayList<>();
        private long start;
        private long end;
        /** Holds the control allocation, so that the JIT cannot remove it. */
        private float[] kept;

        AllocationProbe(com.sun.management.ThreadMXBean threads) {
            this.threads = threads;
        }

        @Override
        public void batchEnded(TrainingRun run, float loss) {
            if (run.epoch() == 0) {
                return;
            }
            if (run.batch() == FROM) {
                start = threads.getCurrentThreadAllocatedBytes();
            } else if (run.batch() == TO) {
                end = threads.getCurrentThreadAllocatedBytes();
            }
        }

        @Override
        public void epochEnded(TrainingRun run, Map<String, Double> figures) {
            if (run.epoch() > 0) {
                windows.add(end - start);
            }
        }
    }
}
