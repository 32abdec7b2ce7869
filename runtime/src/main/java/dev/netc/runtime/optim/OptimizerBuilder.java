package dev.netc.runtime.optim;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;

/**
 * The options every optimizer builder has. A builder starts from {@link OptimizerSpec#defaults} for its kind, the one
 * place where netc states {@code torch.optim}'s defaults, and each setter replaces one option; {@code build()} checks
 * the ranges.
 *
 * @param <B> the concrete builder, returned by each setter so that calls chain
 */
public abstract class OptimizerBuilder<B extends OptimizerBuilder<B>> {

    private OptimizerSpec spec;

    OptimizerBuilder(Kind kind) {
        this.spec = OptimizerSpec.defaults(kind);
    }

    /** The step size; must be finite and positive. */
    public final B learningRate(double rate) {
        return set(OptimizerSpec.LEARNING_RATE, rate);
    }

    /** L2 penalty added to the gradient ({@link AdamW}: decoupled decay); must be finite and not negative. */
    public final B weightDecay(double decay) {
        return set(OptimizerSpec.WEIGHT_DECAY, decay);
    }

    /** The optimizer, once its options are checked; the builder may be used again. */
    public abstract Optimizer build();

    /** Sets one option, by its YAML name. */
    final B set(String option, double value) {
        spec = spec.with(option, value);
        return self();
    }

    /** The options set so far, over the kind's defaults. */
    final OptimizerSpec spec() {
        return spec;
    }

    abstract B self();
}
