package dev.netc.spec;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Objects;

/**
 * The default optimizer a spec states, with every hyperparameter resolved. Defaults are {@code torch.optim}'s, kept
 * here and nowhere else; SGD, which has no learning-rate default in PyTorch, takes Keras' 0.01. Options a kind does
 * not use are 0.
 *
 * @param kind the update rule
 * @param learningRate step size
 * @param momentum momentum factor (momentum, nesterov, rmsprop)
 * @param beta1 first-moment decay (adam, adamw)
 * @param beta2 second-moment decay (adam, adamw)
 * @param rho squared-gradient decay, PyTorch's {@code alpha} (rmsprop)
 * @param epsilon denominator guard (rmsprop, adam, adamw)
 * @param weightDecay L2 added to the gradient, or decoupled decay (adamw)
 * @param positions where each option was written (keys are the YAML option names)
 */
public record OptimizerSpec(
        Kind kind,
        double learningRate,
        double momentum,
        double beta1,
        double beta2,
        double rho,
        double epsilon,
        double weightDecay,
        Positions positions) {

    public static final String LEARNING_RATE = "learning_rate";
    public static final String MOMENTUM = "momentum";
    public static final String BETA1 = "beta1";
    public static final String BETA2 = "beta2";
    public static final String RHO = "rho";
    public static final String EPSILON = "epsilon";
    public static final String WEIGHT_DECAY = "weight_decay";

    public OptimizerSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(positions, "positions");
    }

    /** The options (YAML names) that {@code kind} takes, in documentation order. */
    public static List<String> options(Kind kind) {
        return switch (kind) {
            case SGD -> List.of(LEARNING_RATE, WEIGHT_DECAY);
            case MOMENTUM, NESTEROV -> List.of(LEARNING_RATE, MOMENTUM, WEIGHT_DECAY);
            case RMSPROP -> List.of(LEARNING_RATE, RHO, EPSILON, MOMENTUM, WEIGHT_DECAY);
            case ADAM, ADAMW -> List.of(LEARNING_RATE, BETA1, BETA2, EPSILON, WEIGHT_DECAY);
        };
    }

    /** {@code kind} with every option at its default. */
    public static OptimizerSpec defaults(Kind kind) {
        return switch (kind) {
            case SGD -> new OptimizerSpec(kind, 0.01, 0, 0, 0, 0, 0, 0, Positions.NONE);
            case MOMENTUM, NESTEROV -> new OptimizerSpec(kind, 0.01, 0.9, 0, 0, 0, 0, 0, Positions.NONE);
            case RMSPROP -> new OptimizerSpec(kind, 0.01, 0, 0, 0, 0.99, 1e-8, 0, Positions.NONE);
            case ADAM -> new OptimizerSpec(kind, 1e-3, 0, 0.9, 0.999, 0, 1e-8, 0, Positions.NONE);
            case ADAMW -> new OptimizerSpec(kind, 1e-3, 0, 0.9, 0.999, 0, 1e-8, 0.01, Positions.NONE);
        };
    }

    /** The value of {@code option} (a YAML name from {@link #options}). */
    public double get(String option) {
        return switch (option) {
            case LEARNING_RATE -> learningRate;
            case MOMENTUM -> momentum;
            case BETA1 -> beta1;
            case BETA2 -> beta2;
            case RHO -> rho;
            case EPSILON -> epsilon;
            case WEIGHT_DECAY -> weightDecay;
            default -> throw new IllegalArgumentException("unknown optimizer option " + option);
        };
    }

    /** A copy with {@code option} set to {@code value}; the front ends call this for each option written. */
    public OptimizerSpec with(String option, double value) {
        return new OptimizerSpec(
                kind,
                option.equals(LEARNING_RATE) ? value : learningRate,
                option.equals(MOMENTUM) ? value : momentum,
                option.equals(BETA1) ? value : beta1,
                option.equals(BETA2) ? value : beta2,
                option.equals(RHO) ? value : rho,
                option.equals(EPSILON) ? value : epsilon,
                option.equals(WEIGHT_DECAY) ? value : weightDecay,
                positions);
    }

    /** A copy that records where the optimizer was written. */
    public OptimizerSpec withPositions(Positions newPositions) {
        return new OptimizerSpec(kind, learningRate, momentum, beta1, beta2, rho, epsilon, weightDecay, newPositions);
    }
}
