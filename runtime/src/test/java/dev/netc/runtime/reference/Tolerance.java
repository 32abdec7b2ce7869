package dev.netc.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * A named tolerance for comparing computed values with expected ones: {@code |actual - expected| <= max(absolute,
 * relative * |expected|)}. The absolute floor keeps values that should be zero from failing on rounding noise. NaN
 * never passes.
 *
 * @param name what the expected values come from, for messages
 * @param relative relative tolerance
 * @param absolute absolute floor
 */
record Tolerance(String name, double relative, double absolute) {

    /** Agreement with PyTorch's double-precision values. */
    static final Tolerance PYTORCH = new Tolerance("PyTorch", 1e-6, 1e-9);

    /** Analytic gradients against central differences with a step of 1e-6, in double precision. */
    static final Tolerance FINITE_DIFFERENCES = new Tolerance("finite differences", 1e-4, 1e-8);

    boolean accepts(double expected, double actual) {
        return Math.abs(actual - expected) <= Math.max(absolute, relative * Math.abs(expected));
    }

    /** Fails, naming {@code what}, unless {@code actual} is within tolerance of {@code expected}. */
    void assertClose(String what, double expected, double actual) {
        if (!accepts(expected, actual)) {
            fail(String.format(
                    Locale.ROOT,
                    "%s: expected %.17g (%s), found %.17g; difference %.3g exceeds %.0e relative, %.0e absolute",
                    what,
                    expected,
                    name,
                    actual,
                    Math.abs(actual - expected),
                    relative,
                    absolute));
        }
    }

    /** {@link #assertClose} for each element; {@code label} names element {@code i} in messages. */
    void assertAllClose(String what, double[] expected, double[] actual, IntFunction<String> label) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        for (int i = 0; i < expected.length; i++) {
            assertClose(what + " " + label.apply(i), expected[i], actual[i]);
        }
    }

    /** {@link #assertClose} for each element of two matrices of one shape. */
    void assertAllClose(String what, double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, what + ": number of rows");
        for (int row = 0; row < expected.length; row++) {
            int r = row;
            assertAllClose(what, expected[row], actual[row], column -> "[" + r + "][" + column + "]");
        }
    }
}
