package dev.netc.runtime.optim;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.util.List;

/**
 * Stochastic gradient descent, plain or with momentum (heavy-ball or Nesterov), as {@code torch.optim.SGD} with
 * dampening 0. With {@code g = gradient + weight_decay * p}:
 *
 * <pre>
 * plain:     p = p - lr * g
 * momentum:  b = momentum * b + g;  p = p - lr * b
 * nesterov:  b = momentum * b + g;  p = p - lr * (g + momentum * b)
 * </pre>
 *
 * The buffer {@code b} starts at zero, which gives PyTorch's first step {@code b = g} exactly. Weight decay 0 adds
 * nothing (PyTorch skips it too). Each operation is one float32 rounding, as in PyTorch's float32 kernels.
 */
public final class Sgd extends AbstractOptimizer {

    private static final int MOMENTUM_BUFFER = 0;

    private final float momentum;
    private final float weightDecay;
    private final boolean nesterov;

    Sgd(OptimizerSpec spec) {
        super(spec, spec.kind() == Kind.SGD ? List.of() : List.of("momentum_buffer"));
        this.momentum = (float) spec.momentum();
        this.weightDecay = (float) spec.weightDecay();
        this.nesterov = spec.kind() == Kind.NESTEROV;
    }

    /** A builder starting from the defaults of {@code sgd}: no momentum. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    void update(float[] parameters, float[] gradients, double rate, long step, int from, int to) {
        float negativeRate = (float) -rate;
        if (spec().kind() == Kind.SGD) {
            for (int i = from; i < to; i++) {
                float g = weightDecay == 0 ? gradients[i] : gradients[i] + weightDecay * parameters[i];
                parameters[i] += negativeRate * g;
            }
            return;
        }
        float[] buffer = buffer(MOMENTUM_BUFFER);
        for (int i = from; i < to; i++) {
            float g = weightDecay == 0 ? gradients[i] : gradients[i] + weightDecay * parameters[i];
            float b = momentum * buffer[i] + g;
            buffer[i] = b;
            parameters[i] += negativeRate * (nesterov ? g + momentum * b : b);
        }
    }

    /** Options of {@link Sgd}; the kind (sgd, momentum or nesterov) follows from the momentum and Nesterov flag. */
    public static final class Builder extends OptimizerBuilder<Builder> {

        private boolean nesterov;

        private Builder() {
            super(Kind.SGD);
        }

        /** The momentum factor, in [0, 1); 0 (the default) is plain SGD. */
        public Builder momentum(double factor) {
            return set(OptimizerSpec.MOMENTUM, factor);
        }

        /** Whether to use Nesterov's look-ahead, which needs a momentum above 0. */
        public Builder nesterov(boolean lookAhead) {
            this.nesterov = lookAhead;
            return this;
        }

        @Override
        public Sgd build() {
            OptimizerSpec s = spec();
            Kind kind = nesterov ? Kind.NESTEROV : s.momentum() != 0 ? Kind.MOMENTUM : Kind.SGD;
            return new Sgd(new OptimizerSpec(
                    kind,
                    s.learningRate(),
                    s.momentum(),
                    s.beta1(),
                    s.beta2(),
                    s.rho(),
                    s.epsilon(),
                    s.weightDecay(),
                    s.positions()));
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
