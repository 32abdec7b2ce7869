package dev.netc.processor.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The loop over a generated class allocates nothing per step once warm: the thread's allocated-bytes counter does not
 * move between batch {@value #FROM} and batch {@value #TO} of the later epochs, with shuffling, clipping and Adam on.
 * The network's middle layer is looped, so the step calls {@code DenseKernels}; with the Vector API those allocate
 * their vectors until C2 has compiled them, which took 20 to 40 epochs of this small network (2,500 to 5,000 steps)
 * on a busy 2-core machine, so training runs until an epoch reads exactly 0, for at most {@value #EPOCHS} epochs. The
 * VM sometimes allocates on the thread at a one-time event, so one epoch reading 0 is the test; an allocation in the
 * step shows in every one.
 */
class GeneratedNoAllocationTest {

    private static final int FROM = 10;
    private static final int TO = 110;
    private static final int EPOCHS = 400;

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
                    if (marks[1] == marks[0]) {
                        run.stop("warm: an epoch allocated nothing");
                    }
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

        assertFalse(windows.isEmpty(), "epochs measured");
        assertTrue(windows.contains(0L), "bytes allocated between batches " + FROM + " and " + TO + ": " + windows);
    }
}
