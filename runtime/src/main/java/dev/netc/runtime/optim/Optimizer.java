package dev.netc.runtime.optim;

import dev.netc.spec.OptimizerSpec;

/**
 * An update rule that moves parameters against their gradient, with {@code torch.optim}'s semantics and defaults.
 * Build one from a spec with {@link #of} or in code with a builder:
 *
 * <pre>{@code
 * Optimizer adam = Adam.builder().learningRate(1e-3).build();
 * Optimizer sgd = Sgd.builder().learningRate(0.05).momentum(0.9).nesterov(true).build();
 * Optimizer fromSpec = Optimizer.of(checkedNetwork.spec().optimizer().orElseThrow());
 * }</pre>
 *
 * <p>An optimizer serves one parameter vector: its buffers are sized by the first {@link #step} and later steps must
 * pass arrays of that length. {@link #step} allocates nothing after the first call. Not thread-safe: one optimizer per
 * training run.
 */
public interface Optimizer {

    /**
     * The optimizer {@code spec} describes.
     *
     * @throws IllegalArgumentException if an option is out of range (see {@code docs/optimizers.md})
     */
    static Optimizer of(OptimizerSpec spec) {
        return switch (spec.kind()) {
            case SGD, MOMENTUM, NESTEROV -> new Sgd(spec);
            case RMSPROP -> new RmsProp(spec);
            case ADAM -> new Adam(spec);
            case ADAMW -> new AdamW(spec);
        };
    }

    /** The update rule and its hyperparameters as built; its learning rate is the base a {@link Schedule} scales. */
    OptimizerSpec spec();

    /** The learning rate the next {@link #step} uses. */
    double learningRate();

    /**
     * Sets the learning rate of the steps that follow, as a schedule does between epochs.
     *
     * @throws IllegalArgumentException unless {@code rate} is finite and not negative
     */
    void setLearningRate(double rate);

    /**
     * One update: {@code parameters} move against {@code gradients} by the rule's formula.
     *
     * @param parameters the values to update (modified)
     * @param gradients the loss's gradient with respect to each parameter, same length; not modified (weight decay is
     *     added to a copy of each value, as {@code torch.optim} does)
     * @throws IllegalArgumentException if the lengths differ, or differ from those of the steps taken before
     */
    void step(float[] parameters, float[] gradients);

    /** A copy of what the optimizer has accumulated, for a checkpoint. */
    OptimizerState state();

    /**
     * Continues from a state that {@link #state} returned, so that the following steps are bit for bit those the
     * saved optimizer would have taken.
     *
     * @throws IllegalArgumentException if {@code state} belongs to another kind of optimizer or has other buffers
     */
    void restore(OptimizerState state);
}
