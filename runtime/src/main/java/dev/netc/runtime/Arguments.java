package dev.netc.runtime;

import java.util.Locale;

/**
 * The argument checks every generated class makes before it computes, so that a wrong array length is reported with
 * what was expected and what was found rather than as an {@link ArrayIndexOutOfBoundsException} from deep inside a
 * layer.
 */
public final class Arguments {

    private Arguments() {}

    /**
     * @param what the argument's name, for the message
     * @throws IllegalArgumentException unless {@code values} has exactly {@code expected} elements
     */
    public static void requireLength(String what, float[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s: expected %d values, found %d", what, expected, values.length));
        }
    }

    /**
     * Checks the batch size.
     *
     * @param minimum 0 for prediction, 1 for training (a mean over no sample is undefined)
     * @throws IllegalArgumentException if {@code count < minimum}
     */
    public static void requireCount(int count, int minimum) {
        if (count < minimum) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "count: expected at least %d samples, found %d", minimum, count));
        }
    }

    /**
     * @param what the argument's name, for the message
     * @throws IllegalArgumentException unless {@code values} holds {@code count} rows of {@code width} values
     */
    public static void requireRows(String what, float[] values, int count, int width) {
        long needed = (long) count * width;
        if (values.length < needed) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: expected at least %d values (%d samples of %d), found %d",
                    what,
                    needed,
                    count,
                    width,
                    values.length));
        }
    }

    /**
     * The class index that sparse {@code targets} give for {@code sample}.
     *
     * @throws IllegalArgumentException unless it is a whole number from 0 to {@code classes - 1}
     */
    public static int classIndex(float[] targets, int sample, int classes) {
        float value = targets[sample];
        int index = (int) value;
        if (!(value >= 0 && value < classes && index == value)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "targets[%d]: expected a class index from 0 to %d, found %s",
                    sample,
                    classes - 1,
                    value));
        }
        return index;
    }
}
