package dev.netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a network on an interface. The interface has exactly one abstract method, annotated with the network's
 * layers ({@link Dense}, {@link Concat}, {@link Add}); its parameter is the input (a record of numeric components,
 * or {@code float[]}) and its return type the output ({@code float[]}, {@code float}, {@code int} for the arg-max
 * class, {@code boolean} for one sigmoid unit, or an enum whose constants name the classes).
 *
 * <pre>{@code
 * @Network(name = "IrisNet", loss = Loss.CATEGORICAL_CROSSENTROPY)
 * interface Iris {
 *   @Dense(units = 8, activation = Activation.TANH)
 *   @Dense(units = 8, activation = Activation.RELU)
 *   @Dense(units = 3, activation = Activation.SOFTMAX)
 *   Species predict(IrisFeatures features);
 * }
 * }</pre>
 *
 * <p>The generated class is written to the interface's package and implements it.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Network {
    /** Name of the generated class; empty means the interface's name followed by {@code Net}. */
    String name() default "";

    /** The loss the network is trained with. */
    Loss loss();

    /** Input size, needed only when the method takes {@code float[]}; a record's components give it otherwise. */
    int inputSize() default 0;
}
