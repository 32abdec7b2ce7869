package dev.netc.runtime.optim;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.util.List;

/**
 * RMSProp as {@code torch.optim.RMSprop} with {@code centered=False}; netc's {@code rho} is PyTorch's {@code alpha}.
 * With {@code g = gradient + weight_decay * p}:
 *
 * <pre>
 * v = rho * v + (1 - rho) * g * g
 * d = sqrt(v) + epsilon
 * no momentum:  p = p - lr * g / d
 * momentum:     b = momentum * b + g / d;  p = p - lr * b
 * </pre>
 *
 * There is no bias correction: {@code v} starts at zero and the first steps are large, as in PyTorch. Each operation
 * is one float32 rounding, as in PyTorch's float32 kernels.
 */
public final class RmsProp extends AbstractOptimizer {

    private static final int SQUARE_AVERAGE = 0;
    private static final int MOMENTUM_BUFFER = 1;

    private final float rho;
    private final float oneMinusRho;
    private final float epsilon;
    private final float momentum;
    private final float weightDecay;

    RmsProp(OptimizerSpec spec) {
        super(spec, spec.momentum() > 0 ? List.of("square_avg", "momentum_buffer") : List.of("square_avg"));
        this.rho = (float) spec.rho();
        this.oneMinusRho = (float) (1 - spec.rho());
        this.epsilon = (float) spec.epsilon();
        this.momentum = (float) spec.momentum();
        this.weightDecay = (float) spec.weightDecay();
    }

    /** A builder starting from the defaults of {@code rmsprop}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void update(float[] parameters, float[] gradients, double rate, long step, int from, int to) {
        float negativeRate = (float) -rate;
        float[] square = buffer(SQUARE_AVERAGE);
        float[] velocity = momentum > 0 ? buffer(MOMENTUM_BUFFER) : null;
        for (int i = from; i < to; i++) {
            float g = weightDecay == 0 ? gradients[i] : gradients[i] + weightDecay * parameters[i];
            float v = square[i] * rho + oneMinusRho * g * g;
            square[i] = v;
            float denominator = (float) Math.sqrt(v) + epsilon;
            if (velocity == null) {
                parameters[i] += negativeRate * g / denominator;
            } else {
                float b = velocity[i] * momentum + g / denominator;
                velocity[i] = b;
                parameters[i] += negativeRate * b;
            }
        }
    }

    /** Options of {@link RmsProp}. */
    public static final class Builder extends OptimizerBuilder<Builder> {

        private Builder() {
            super(Kind.RMSPROP);
        }

        /** Decay of the squared-gradient average, PyTorch's {@code alpha}, in [0, 1). */
        public Builder rho(double decay) {
            return set(OptimizerSpec.RHO, decay);
        }

        /** Added to the root mean square before dividing; finite and positive. */
        public Builder epsilon(double guard) {
            return set(OptimizerSpec.EPSILON, guard);
        }

        /** The momentum factor, in [0, 1); 0 (the default) keeps no momentum buffer. */
        public Builder momentum(double factor) {
            return set(OptimizerSpec.MOMENTUM, factor);
        }

        @Override
        public RmsProp build() {
            return new RmsProp(spec());
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
