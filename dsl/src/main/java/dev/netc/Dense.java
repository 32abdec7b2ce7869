package dev.netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer: {@code a = activation(W x + b)} with {@code W} of shape [units][inputs].
 *
 * <p>Sequential form: repeat the annotation on the network's method, first layer first; each layer reads the one
 * before it. Graph form: give layers a {@link #name} and list their {@link #inputs} (layer names, or {@code "input"}
 * for the network's input); a layer without inputs then reads the network's input, and the one layer that no other
 * layer reads is the output.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
@Repeatable(Dense.List.class)
public @interface Dense {
    /** Number of units (outputs), 1 to 65,536. */
    int units();

    /** The activation; softmax only on the output layer. */
    Activation activation() default Activation.LINEAR;

    /** Layer name, a Java identifier; empty means {@code dense} followed by the layer's 1-based index. */
    String name() default "";

    /** The name of the layer this one reads (graph form): one name, or {@code "input"}. */
    String[] inputs() default {};

    /** Weight initialisation; biases start at zero. */
    Init init() default Init.GLOROT_UNIFORM;

    /** Whether the layer adds a bias. */
    boolean useBias() default true;

    /** L2 penalty on this layer's weights, added to the loss as {@code l2 * sum(W^2)}. */
    double l2() default 0;

    /** Dropout rate applied to this layer's output during training only, in [0, 1). */
    double dropout() default 0;

    /** Holds repeated {@link Dense} annotations; javac writes it for you. */
    @Documented
    @Retention(RetentionPolicy.SOURCE)
    @Target(ElementType.METHOD)
    @interface List {
        Dense[] value();
    }
}
