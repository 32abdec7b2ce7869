package dev.netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A merge in the graph form. Sums the outputs of its inputs element by element: every input must have the same size. It has no parameters.
 *
 * <pre>{@code
 * @Dense(name = "left", units = 8, activation = Activation.RELU)
 * @Dense(name = "right", units = 8, activation = Activation.TANH)
 * @Add(name = "merged", inputs = {"left", "right"})
 * @Dense(name = "out", units = 3, activation = Activation.SOFTMAX, inputs = "merged")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
@Repeatable(Add.List.class)
public @interface Add {
    /** Layer name, a Java identifier; empty means {@code add} followed by its 1-based index. */
    String name() default "";

    /** Names of the layers (or {@code "input"}) to merge; at least two. */
    String[] inputs();

    /** Holds repeated {@link Add} annotations; javac writes it for you. */
    @Documented
    @Retention(RetentionPolicy.SOURCE)
    @Target(ElementType.METHOD)
    @interface List {
        Add[] value();
    }
}
