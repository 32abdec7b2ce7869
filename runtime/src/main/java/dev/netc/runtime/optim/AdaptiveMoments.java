package dev.netc.runtime.optim;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.util.List;

/**
 * The update Adam and AdamW share ({@code torch.optim.Adam} and {@code AdamW} with {@code amsgrad=False}), which
 * differ only in where the weight decay goes: Adam adds it to the gradient, AdamW shrinks the parameter first. At
 * step {@code t}:
 *
 * <pre>
 * adam:   g = gradient + weight_decay * p
 * adamw:  g = gradient;  p = p * (1 - lr * weight_decay)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)
 * </pre>
 *
 * As in PyTorch, the per-step scalars (bias corrections, step size, decay factor) are computed in double and rounded
 * to float once, and each tensor operation is one float32 rounding. The powers {@code beta^t} come from {@link
 * IntegerPower}, the same bits on every platform.
 */
abstract class AdaptiveMoments extends AbstractOptimizer {

    private static final int FIRST_MOMENT = 0;
    private static final int SECOND_MOMENT = 1;

    private final boolean decoupled;

    AdaptiveMoments(OptimizerSpec spec) {
        super(spec, List.of("exp_avg", "exp_avg_sq"));
        this.decoupled = spec.kind() == Kind.ADAMW;
    }

    @Override
    final void update(float[] parameters, float[] gradients, double rate, long step, int from, int to) {
        OptimizerSpec spec = spec();
        float beta1 = (float) spec.beta1();
        float oneMinusBeta1 = (float) (1 - spec.beta1());
        float beta2 = (float) spec.beta2();
        float oneMinusBeta2 = (float) (1 - spec.beta2());
        float epsilon = (float) spec.epsilon();
        float negativeStepSize = (float) (-rate / (1 - IntegerPower.of(spec.beta1(), step)));
        float correction2Root = (float) Math.sqrt(1 - IntegerPower.of(spec.beta2(), step));
        float l2 = decoupled ? 0 : (float) spec.weightDecay();
        float shrink = decoupled ? (float) (1 - rate * spec.weightDecay()) : 1;
        float[] m = buffer(FIRST_MOMENT);
        float[] v = buffer(SECOND_MOMENT);
        for (int i = from; i < to; i++) {
            float p = shrink == 1 ? parameters[i] : parameters[i] * shrink;
            float g = l2 == 0 ? gradients[i] : gradients[i] + l2 * p;
            float mi = m[i] * beta1 + oneMinusBeta1 * g;
            float vi = v[i] * beta2 + oneMinusBeta2 * g * g;
            m[i] = mi;
            v[i] = vi;
            float denominator = (float) Math.sqrt(vi) / correction2Root + epsilon;
            parameters[i] = p + negativeStepSize * mi / denominator;
        }
    }
}
