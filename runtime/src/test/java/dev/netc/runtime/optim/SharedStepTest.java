package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.spec.OptimizerSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A step over many parameters, which the kernels' threads share in ranges, gives every parameter exactly the update
 * it gets alone: the same optimizer stepped over slices too small to share must give the same bits, state included,
 * for every kind of optimizer, with weight decay, over a count that is not a multiple of the ranges.
 */
class SharedStepTest {

    private static final int PARAMETERS = 200_003;
    private static final int SLICE = 1_000;
    private static final int STEPS = 3;

    @Test
    void aSharedStepEqualsTheStepsOfItsSlices() {
        int compared = 0;
        for (OptimizerSpec spec : Optimizers.everyKind()) {
            for (OptimizerSpec decayed : new OptimizerSpec[] {spec, Optimizers.withDecay(spec.kind(), 0.01)}) {
                float[] whole = Optimizers.values(PARAMETERS, 1);
                float[] gradients = Optimizers.values(PARAMETERS, 2);
                Optimizer shared = Optimizer.of(decayed);
                for (int step = 0; step < STEPS; step++) {
                    shared.step(whole, gradients);
                }

                float[] sliced = Optimizers.values(PARAMETERS, 1);
                for (int from = 0; from < PARAMETERS; from += SLICE) {
                    int to = Math.min(from + SLICE, PARAMETERS);
                    float[] parameters = Arrays.copyOfRange(sliced, from, to);
                    float[] sliceGradients = Arrays.copyOfRange(gradients, from, to);
                    Optimizer alone = Optimizer.of(decayed);
                    for (int step = 0; step < STEPS; step++) {
                        alone.step(parameters, sliceGradients);
                    }
                    System.arraycopy(parameters, 0, sliced, from, to - from);
                }
                assertArrayEquals(sliced, whole, decayed.kind().yamlName() + " " + decayed);
                compared++;
            }
        }
        assertEquals(2 * Optimizers.everyKind().size(), compared);
    }
}
