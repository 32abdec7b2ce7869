package dev.netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A merge in the graph form. Joins the outputs of its inputs end to end: the output size is the sum of the input sizes. It has no parameters.
 *
 * <pre>{@code
 * @Dense(name = "left", units = 8, activation = Activation.RELU)
 * @Dense(name = "right", units = 8, activation = Activation.TANH)
 * @Concat(name = "merged", inputs = {"left", "right"})
 * @Dense(name = "out", units = 3, activation = Activation.SOFTMAX, inputs = "merged")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
@Repeatable(Concat.List.class)
public @interface Concat {
    /** Layer name, a Java identifier; empty means {@code concat} followed by its 1-based index. */
    String name() default "";

    /** Names of the layers (or {@code "input"}) to merge; at least two. */
    String[] inputs();

    /** Holds repeated {@link Concat} annotations; javac writes it for you. */
    @Documented
    @Retention(RetentionPolicy.SOURCE)
    @Target(ElementType.METHOD)
    @interface List {
        Concat[] value();
    }
}
