package dev.netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The training defaults of a {@link Network}: the number of epochs and the batch size that {@code Trainer} and
 * {@code netc train} use unless code or the command line chooses others. An element not written is not stated; a
 * written one must be at least 1.
 *
 * <pre>{@code
 * @Network(name = "IrisNet", loss = Loss.CATEGORICAL_CROSSENTROPY)
 * @Training(epochs = 500, batchSize = 1)
 * interface Iris { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Training {
    /** Passes over the training data. */
    int epochs() default 0;

    /** Samples per step. */
    int batchSize() default 0;
}
