package dev.netc.runtime.optim;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;

/**
 * AdamW (Loshchilov and Hutter, 2019) as {@code torch.optim.AdamW}: Adam whose weight decay shrinks each parameter by
 * {@code 1 - lr * weight_decay} before the step, apart from the gradient, so decay is not scaled by the adaptive step.
 * The default decay is PyTorch's 0.01. The update rule is in {@code docs/optimizers.md}.
 */
public final class AdamW extends AdaptiveMoments {

    AdamW(OptimizerSpec spec) {
        super(spec);
    }

    /** A builder starting from the defaults of {@code adamw}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of {@link AdamW}. */
    public static final class Builder extends OptimizerBuilder<Builder> {

        private Builder() {
            super(Kind.ADAMW);
        }

        /** Decay of the gradient's running mean, in [0, 1). */
        public Builder beta1(double decay) {
            return set(OptimizerSpec.BETA1, decay);
        }

        /** Decay of the squared gradient's running mean, in [0, 1). */
        public Builder beta2(double decay) {
            return set(OptimizerSpec.BETA2, decay);
        }

        /** Added to the root mean square before dividing; finite and positive. */
        public Builder epsilon(double guard) {
            return set(OptimizerSpec.EPSILON, guard);
        }

        @Override
        public AdamW build() {
            return new AdamW(spec());
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
