package dev.netc.check;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.diag.Diagnostics;

/**
 * Checks the hyperparameters of the spec's default optimizer. Only the options its kind takes are checked; the others
 * are 0 by definition. Which options a kind accepts is for the front ends to enforce, as they know where an option
 * was written.
 */
final class OptimizerRules {

    private OptimizerRules() {}

    /** Reports every option of the spec's optimizer (if it has one) that is out of range. */
    static void check(NetworkSpec spec, Diagnostics diagnostics) {
        spec.optimizer().ifPresent(optimizer -> check(optimizer, diagnostics));
    }

    private static void check(OptimizerSpec optimizer, Diagnostics diagnostics) {
        for (String option : OptimizerSpec.options(optimizer.kind())) {
            rangeOf(optimizer.kind(), option)
                    .check(
                            optimizer.get(option),
                            option + " of optimizer " + optimizer.kind().yamlName(),
                            optimizer.positions().of(option),
                            diagnostics);
        }
    }

    /**
     * The values {@code option} accepts. Nesterov momentum must be above zero: with none, the look-ahead is undefined
     * and {@code torch.optim.SGD} refuses it.
     */
    private static ValueRange rangeOf(Kind kind, String option) {
        return switch (option) {
            case OptimizerSpec.LEARNING_RATE, OptimizerSpec.EPSILON -> ValueRange.POSITIVE;
            case OptimizerSpec.WEIGHT_DECAY -> ValueRange.NON_NEGATIVE;
            case OptimizerSpec.MOMENTUM -> kind == Kind.NESTEROV ? ValueRange.OPEN_FRACTION : ValueRange.FRACTION;
            case OptimizerSpec.BETA1, OptimizerSpec.BETA2, OptimizerSpec.RHO -> ValueRange.FRACTION;
            default -> throw new IllegalArgumentException("no range for optimizer option " + option);
        };
    }
}
