package dev.netc.runtime.optim;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;

/**
 * Adam (Kingma and Ba, 2015) as {@code torch.optim.Adam}: weight decay is an L2 penalty added to the gradient, so it is
 * scaled by the adaptive step like the gradient itself. The update rule is in {@code docs/optimizers.md}; {@link AdamW}
 * decouples the decay instead.
 */
public final class Adam extends AdaptiveMoments {

    Adam(OptimizerSpec spec) {
        super(spec);
    }

    /** A builder starting from the defaults of {@code adam}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of {@link Adam}. */
    public static final class Builder extends OptimizerBuilder<Builder> {

        private Builder() {
            super(Kind.ADAM);
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
        public Adam build() {
            return new Adam(spec());
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
