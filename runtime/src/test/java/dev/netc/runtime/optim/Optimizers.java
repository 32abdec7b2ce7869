package dev.netc.runtime.optim;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.util.List;
import java.util.SplittableRandom;

/** Optimizer specs and data for tests: one spec per kind with options away from the defaults, and seeded values. */
final class Optimizers {

    private Optimizers() {}

    /** A spec of {@code kind} with weight decay {@code decay}, every other option at the kind's default. */
    static OptimizerSpec withDecay(Kind kind, double decay) {
        return OptimizerSpec.defaults(kind).with(OptimizerSpec.WEIGHT_DECAY, decay);
    }

    /** One spec per kind, with RMSProp's optional momentum on, so that every buffer is exercised. */
    static List<OptimizerSpec> everyKind() {
        return List.of(
                OptimizerSpec.defaults(Kind.SGD),
                OptimizerSpec.defaults(Kind.MOMENTUM),
                OptimizerSpec.defaults(Kind.NESTEROV),
                OptimizerSpec.defaults(Kind.RMSPROP).with(OptimizerSpec.MOMENTUM, 0.5),
                withDecay(Kind.ADAM, 0.01),
                OptimizerSpec.defaults(Kind.ADAMW));
    }

    /** {@code count} values uniform in [-1, 1) from a fixed seed. */
    static float[] values(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return values;
    }
}
