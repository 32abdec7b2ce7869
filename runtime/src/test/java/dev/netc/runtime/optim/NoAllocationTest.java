package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.spec.OptimizerSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A training step's optimizer work, clipping and step, allocates nothing once the optimizer's buffers exist: the
 * thread's allocated-bytes counter does not move over {@value #MEASURED} steps after a warm-up long enough for the
 * JIT. Each window is an epoch: the learning-rate schedule runs as in the training loop, once before the epoch's steps,
 * outside the count, for it is not part of a step (on JDK 25 the cosine schedule's {@code StrictMath.cos} allocates 32
 * bytes a call). The VM itself sometimes allocates a few hundred bytes on the thread at a one-time event (the counter's own first
 * read takes 216 bytes; a full test run once showed 288 bytes in one window), so each optimizer gets up to {@value
 * #WINDOWS} windows and one must read exactly 0. An allocation in the step itself shows in every window.
 */
class NoAllocationTest {

    private static final int PARAMETERS = 1000;
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;
    private static final int WINDOWS = 3;

    /** Holds the control allocation, so that the JIT cannot remove it. */
    private static float[] kept;

    @Test
    void stepsAllocateNothingAfterTheFirst() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        threads.getCurrentThreadAllocatedBytes(); // its first read allocates
        List<String> allocating = new ArrayList<>();
        int measured = 0;
        for (OptimizerSpec spec : Optimizers.everyKind()) {
            Optimizer optimizer = Optimizer.of(spec);
            Schedule schedule = Schedule.cosine(50, 0);
            float[] parameters = Optimizers.values(PARAMETERS, 1);
            float[] gradients = Optimizers.values(PARAMETERS, 2);
            int epoch = 0;
            for (int warm = 0; warm < WARM_UP; warm += MEASURED) {
                schedule.apply(optimizer, epoch++);
                train(optimizer, parameters, gradients, MEASURED);
            }
            List<Long> windows = new ArrayList<>();
            while (windows.size() < WINDOWS && !windows.contains(0L)) {
                schedule.apply(optimizer, epoch++);
                long before = threads.getCurrentThreadAllocatedBytes();
                train(optimizer, parameters, gradients, MEASURED);
                windows.add(threads.getCurrentThreadAllocatedBytes() - before);
            }
            if (!windows.contains(0L)) {
                allocating.add(spec.kind().yamlName() + ": " + windows + " bytes");
            }
            measured++;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        kept = new float[PARAMETERS];
        long control = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(control >= 4L * PARAMETERS, "the counter sees an allocation of one array, found " + control);
        assertEquals(List.of(), allocating, "bytes allocated in each window of " + MEASURED + " steps");
        assertEquals(Optimizers.everyKind().size(), measured, "optimizers measured");
    }

    private static void train(Optimizer optimizer, float[] parameters, float[] gradients, int steps) {
        for (int step = 0; step < steps; step++) {
            gradients[step % PARAMETERS] = -gradients[step % PARAMETERS];
            GradientClipping.clipByGlobalNorm(gradients, 10.0);
            optimizer.step(parameters, gradients);
        }
    }
}
