package dev.netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * The optimizer a {@link Network} is trained with by default; code may override it. Hyperparameters left at
 * {@code NaN} take {@code torch.optim}'s defaults for the chosen {@link Kind}; stating one that the kind does not use
 * is a compile-time error.
 *
 * <pre>{@code
 * @Network(name = "IrisNet", loss = Loss.CATEGORICAL_CROSSENTROPY)
 * @Optimizer(value = Optimizer.Kind.SGD, learningRate = 0.01)
 * interface Iris { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Optimizer {
    /** The update rule. */
    Kind value();

    /** Step size; {@code NaN} for the kind's default. */
    double learningRate() default Double.NaN;

    /** Momentum factor (momentum, nesterov, rmsprop); {@code NaN} for the default. */
    double momentum() default Double.NaN;

    /** First-moment decay (adam, adamw); {@code NaN} for the default. */
    double beta1() default Double.NaN;

    /** Second-moment decay (adam, adamw); {@code NaN} for the default. */
    double beta2() default Double.NaN;

    /** Squared-gradient decay, PyTorch's {@code alpha} (rmsprop); {@code NaN} for the default. */
    double rho() default Double.NaN;

    /** Denominator guard (rmsprop, adam, adamw); {@code NaN} for the default. */
    double epsilon() default Double.NaN;

    /** L2 penalty added to the gradient, or decoupled decay for adamw; {@code NaN} for the default. */
    double weightDecay() default Double.NaN;

    /** The update rules netc implements, with {@code torch.optim}'s semantics. */
    enum Kind {
        SGD,
        MOMENTUM,
        NESTEROV,
        RMSPROP,
        ADAM,
        ADAMW;

        /** The spelling used in YAML specs and messages, for example {@code adamw}. */
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
