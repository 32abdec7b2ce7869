package dev.netc.processor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.train.Callback;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingRun;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loop over a generated class allocates nothing per step after the first epoch: the thread's allocated-bytes
 * counter does not move between batch {@value #FROM} and batch {@value #TO} of the later epochs, with shuffling,
 * clipping and Adam on. The VM sometimes allocates on the thread at a one-time event, so one of the measured epochs
 * must read exactly 0; an allocation in the step shows in every one.
 */
class GeneratedNoAllocationTest {

    private static final int FROM = 10;
    private static final int TO = 110;
    private static final int EPOCHS = 4;

    @Test
    void stepsAfterTheFirstEpochAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        threads.getCurrentThreadAllocatedBytes(); // its first read allocates
        TrainableNetwork net = GeneratedClasses.instance(DeterminismRun.NETWORK);
        List<Long> windows = new ArrayList<>();
        long[] marks = new long[2];
        Callback probe = new Callback() {
            @Override
            public void batchEnded(TrainingRun run, float loss) {
                if (run.epoch() > 0 && run.batch() == FROM) {
                    marks[0] = threads.getCurrentThreadAllocatedBytes();
                } else if (run.epoch() > 0 && run.batch() == TO) {
                    marks[1] = threads.getCurrentThreadAllocatedBytes();
                }
            }

            @Override
            public void epochEnded(TrainingRun run, Map<String, Double> figures) {
                if (run.epoch() > 0) {
                    windows.add(marks[1] - marks[0]);
                }
            }
        };
        int samples = 16 * 128;

        Trainer.of(net)
                .optimizer(Adam.builder().learningRate(1e-3).build())
                .clipGradientNorm(1)
                .batchSize(16)
                .epochs(EPOCHS)
                .callbacks(probe)
                .progress(Progress.silent())
                .fit(
                        net.initialParameters(3),
                        Dataset.ofClasses(new float[samples * 8], new int[] {8}, new float[samples], 3));

        assertEquals(EPOCHS - 1, windows.size(), "epochs measured");
        assertTrue(windows.contains(0L), "bytes allocated between batches " + FROM + " and " + TO + ": " + windows);
    }
}
