package dev.netc.runtime.optim;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The values each optimizer option accepts, checked when an optimizer is built in code or from a spec. The ranges
 * and the wording are those of the spec validator ({@code dev.netc.check.OptimizerRules}), so an optimizer built in
 * code refuses exactly what a YAML or annotated spec may not state; {@code HyperparametersTest} holds the two
 * together. Learning rates set during training (by a {@link Schedule}) may also be 0, which a cosine schedule reaches.
 */
final class Hyperparameters {

    /** Every option any kind takes, in the order the kinds list them. */
    private static final List<String> ALL_OPTIONS = Arrays.stream(Kind.values())
            .flatMap(kind -> OptimizerSpec.options(kind).stream())
            .distinct()
            .toList();

    private Hyperparameters() {}

    /**
     * @return {@code spec}, once checked
     * @throws IllegalArgumentException naming the first option that is out of range, or that {@code spec}'s kind does
     *     not take yet is not 0
     */
    static OptimizerSpec check(OptimizerSpec spec) {
        Kind kind = spec.kind();
        List<String> taken = OptimizerSpec.options(kind);
        for (String option : ALL_OPTIONS) {
            double value = spec.get(option);
            if (taken.contains(option)) {
                requireInRange(kind, option, value);
            } else if (value != 0) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "optimizer %s takes no %s, found %s; its options are %s",
                        kind.yamlName(),
                        option,
                        value,
                        String.join(", ", taken)));
            }
        }
        return spec;
    }

    /**
     * A learning rate set during training.
     *
     * @throws IllegalArgumentException unless {@code rate} is finite and not negative
     */
    static double checkLearningRate(double rate) {
        if (!(Double.isFinite(rate) && rate >= 0)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "learning rate must be a finite number >= 0, found %s", rate));
        }
        return rate;
    }

    private static void requireInRange(Kind kind, String option, double value) {
        boolean nesterovMomentum = kind == Kind.NESTEROV && option.equals(OptimizerSpec.MOMENTUM);
        String expected;
        boolean inRange;
        switch (option) {
            case OptimizerSpec.LEARNING_RATE, OptimizerSpec.EPSILON -> {
                expected = "a finite positive number";
                inRange = value > 0 && value < Double.POSITIVE_INFINITY;
            }
            case OptimizerSpec.WEIGHT_DECAY -> {
                expected = "a finite number >= 0";
                inRange = value >= 0 && value < Double.POSITIVE_INFINITY;
            }
            default -> {
                // momentum, beta1, beta2, rho: decay factors; Nesterov's look-ahead needs a momentum above 0
                expected = nesterovMomentum ? "a finite number in (0, 1)" : "a finite number in [0, 1)";
                inRange = (nesterovMomentum ? value > 0 : value >= 0) && value < 1;
            }
        }
        if (!inRange) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "%s of optimizer %s must be %s, found %s", option, kind.yamlName(), expected, value));
        }
    }
}
