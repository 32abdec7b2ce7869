package dev.netc.check;

import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.SourcePosition;

/**
 * The finite numbers a hyperparameter accepts, with the words a message uses for them. Non-finite values are always
 * outside: a NaN or infinite rate would only surface later as a NaN loss.
 *
 * @param low lower bound
 * @param lowIncluded whether {@code low} itself is accepted
 * @param high upper bound, or {@link Double#POSITIVE_INFINITY}
 * @param highIncluded whether {@code high} itself is accepted
 * @param expected what a message says is expected, for example {@code a finite positive number}
 */
record ValueRange(double low, boolean lowIncluded, double high, boolean highIncluded, String expected) {

    /** Zero or more: L2 penalties, weight decay. */
    static final ValueRange NON_NEGATIVE =
            new ValueRange(0, true, Double.POSITIVE_INFINITY, false, "a finite number >= 0");
    /** More than zero: learning rates, epsilon. */
    static final ValueRange POSITIVE =
            new ValueRange(0, false, Double.POSITIVE_INFINITY, false, "a finite positive number");
    /** A rate or decay: zero included, one excluded. */
    static final ValueRange FRACTION = new ValueRange(0, true, 1, false, "a finite number in [0, 1)");
    /** A rate that must also be above zero. */
    static final ValueRange OPEN_FRACTION = new ValueRange(0, false, 1, false, "a finite number in (0, 1)");

    /** Whether {@code value} is finite and within the bounds. */
    boolean contains(double value) {
        return Double.isFinite(value)
                && (lowIncluded ? value >= low : value > low)
                && (highIncluded ? value <= high : value < high);
    }

    /**
     * Reports {@code value} when it is outside this range.
     *
     * @param what the value's name in the message, for example {@code dropout of dense 'hidden'}
     */
    void check(double value, String what, SourcePosition at, Diagnostics diagnostics) {
        if (!contains(value)) {
            diagnostics.error(DiagnosticCode.VALUE_OUT_OF_RANGE, at, what, expected, Double.toString(value));
        }
    }
}
