package dev.netc.runtime.optim;

import java.util.Locale;

/**
 * A learning-rate schedule: the rate for each epoch as a function of the epoch and the optimizer's base rate (its
 * {@link Optimizer#spec()} learning rate), with the closed forms of {@code torch.optim.lr_scheduler}. A schedule keeps
 * no state, so a run resumed from a checkpoint at epoch {@code e} gets the rate an uninterrupted run has there.
 *
 * <p>The interface is also the callback form: any lambda is a schedule, and PyTorch's {@code LambdaLR} with factor
 * {@code f} is {@code (epoch, base) -> base * f(epoch)}.
 *
 * <pre>{@code
 * Schedule schedule = Schedule.cosine(50, 1e-5);
 * schedule.apply(optimizer, epoch); // at the start of each epoch
 * }</pre>
 */
@FunctionalInterface
public interface Schedule {

    /**
     * The learning rate for {@code epoch}.
     *
     * @param epoch the 0-based number of the epoch (or of whatever period the caller steps the schedule by)
     * @param baseRate the optimizer's configured learning rate
     * @return a finite rate, not negative
     */
    double learningRate(long epoch, double baseRate);

    /**
     * Sets {@code optimizer}'s learning rate for {@code epoch}.
     *
     * @throws IllegalArgumentException if the schedule gives a rate that is negative or not finite
     */
    default void apply(Optimizer optimizer, long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, found " + epoch);
        }
        optimizer.setLearningRate(learningRate(epoch, optimizer.spec().learningRate()));
    }

    /** The base rate throughout. */
    static Schedule constant() {
        return (epoch, baseRate) -> baseRate;
    }

    /**
     * {@code StepLR}: {@code base * gamma^floor(epoch / stepSize)}, the rate multiplied by {@code gamma} every
     * {@code stepSize} epochs.
     *
     * @param stepSize epochs between decays, at least 1
     * @param gamma the factor, finite and positive
     */
    static Schedule step(long stepSize, double gamma) {
        if (stepSize < 1) {
            throw new IllegalArgumentException("step size must be at least 1 epoch, found " + stepSize);
        }
        requirePositive("gamma", gamma);
        return (epoch, baseRate) -> baseRate * IntegerPower.of(gamma, epoch / stepSize);
    }

    /**
     * {@code ExponentialLR}: {@code base * gamma^epoch}.
     *
     * @param gamma the factor per epoch, finite and positive
     */
    static Schedule exponential(double gamma) {
        requirePositive("gamma", gamma);
        return (epoch, baseRate) -> baseRate * IntegerPower.of(gamma, epoch);
    }

    /**
     * {@code CosineAnnealingLR}: {@code min + (base - min) * (1 + cos(pi * epoch / epochs)) / 2}, from the base rate
     * at epoch 0 down to {@code minRate} at epoch {@code epochs}, then (as in PyTorch) back up over the next
     * {@code epochs}.
     *
     * @param epochs PyTorch's {@code T_max}, at least 1
     * @param minRate PyTorch's {@code eta_min}, finite and not negative
     */
    static Schedule cosine(long epochs, double minRate) {
        if (epochs < 1) {
            throw new IllegalArgumentException("cosine schedule needs at least 1 epoch, found " + epochs);
        }
        if (!(Double.isFinite(minRate) && minRate >= 0)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "minimum rate must be a finite number >= 0, found %s", minRate));
        }
        return (epoch, baseRate) -> minRate + (baseRate - minRate) * (1 + StrictMath.cos(Math.PI * epoch / epochs)) / 2;
    }

    private static void requirePositive(String what, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s must be a finite positive number, found %s", what, value));
        }
    }
}
