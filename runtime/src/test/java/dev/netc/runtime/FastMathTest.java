package dev.netc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link FastMath} against {@link StrictMath} over a dense sweep of floats: a million evenly spaced values from -100 to
 * 100, every float whose result crosses the overflow and underflow edges of float, and the special values. Each
 * float function must be within one ulp of the exact value (the reference tolerance of activations is 1e-5), and the
 * double {@code exp} within 1e-13 relative.
 */
class FastMathTest {

    private static final int SWEEP = 1_000_000;
    private static final float[] SPECIAL = {
        0f,
        -0f,
        Float.MIN_VALUE,
        -Float.MIN_VALUE,
        Float.MIN_NORMAL,
        -Float.MIN_NORMAL,
        1e-30f,
        -1e-30f,
        0.0625f,
        -0.0625f,
        Math.nextDown(0.0625f),
        20f,
        -20f,
        88.72283f, // exp: the last finite float
        88.72284f, // exp: the first infinite one
        -87.33654f, // exp: the edge of normal floats
        -103.97207f, // exp: the last non-zero subnormal
        -103.97209f,
        1e4f,
        -1e4f,
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY
    };

    @Test
    void expIsWithinOneUlpEverywhere() {
        assertEquals(SWEEP + SPECIAL.length, check("exp", FastMath::exp, StrictMath::exp));
        assertEquals(1f, FastMath.exp(0f));
        assertEquals(Float.POSITIVE_INFINITY, FastMath.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FastMath.exp(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(FastMath.exp(Float.NaN)));
    }

    @Test
    void tanhIsWithinOneUlpEverywhereAndOdd() {
        assertEquals(SWEEP + SPECIAL.length, check("tanh", FastMath::tanh, StrictMath::tanh));
        assertEquals(-0f, FastMath.tanh(-0f));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(FastMath.tanh(-0f)));
        assertEquals(1f, FastMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FastMath.tanh(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(FastMath.tanh(Float.NaN)));
        for (float x = 0.001f; x < 30; x *= 1.1f) {
            assertEquals(-FastMath.tanh(x), FastMath.tanh(-x), "odd at " + x);
        }
    }

    @Test
    void sigmoidIsWithinOneUlpEverywhere() {
        assertEquals(
                SWEEP + SPECIAL.length,
                check(
                        "sigmoid",
                        FastMath::sigmoid,
                        z -> z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z))));
        assertEquals(0.5f, FastMath.sigmoid(0f));
        assertEquals(0.5f, FastMath.sigmoid(-0f));
        assertEquals(1f, FastMath.sigmoid(Float.POSITIVE_INFINITY));
        assertEquals(0f, FastMath.sigmoid(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(FastMath.sigmoid(Float.NaN)));
    }

    @Test
    void doubleExpIsWithinOnePartIn1e13AndSaturates() {
        double worst = 0;
        int checked = 0;
        for (int i = 0; i <= SWEEP; i++) {
            double x = -745 + 1455.0 * i / SWEEP;
            double exact = StrictMath.exp(x);
            if (exact >= Double.MIN_NORMAL && exact <= Double.MAX_VALUE) {
                worst = Math.max(worst, Math.abs(FastMath.exp(x) - exact) / exact);
                checked++;
            }
        }
        assertTrue(checked > SWEEP * 0.95, "normal results checked: " + checked);
        assertTrue(worst < 1e-13, "worst relative error " + worst);
        assertEquals(1.0, FastMath.exp(0.0));
        assertEquals(StrictMath.exp(-744.0), FastMath.exp(-744.0), Math.ulp(StrictMath.exp(-744.0)));
        assertEquals(0.0, FastMath.exp(-746.5));
        assertEquals(0.0, FastMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, FastMath.exp(709.8));
        assertEquals(Double.POSITIVE_INFINITY, FastMath.exp(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(FastMath.exp(Double.NaN)));
    }

    /**
     * Compares {@code fast} with {@code exact} (in double, rounded once to float) on the sweep and the special values;
     * fails on the worst error above one ulp of the exact float result, and returns how many values were compared.
     */
    private static int check(String name, FloatFunction fast, DoubleUnaryOperator exact) {
        int compared = 0;
        double worstUlps = 0;
        float worstAt = 0;
        for (int i = 0; i < SWEEP + SPECIAL.length; i++) {
            float x = i < SWEEP ? (float) (-100 + 200.0 * i / (SWEEP - 1)) : SPECIAL[i - SWEEP];
            double expected = exact.applyAsDouble(x);
            float found = fast.apply(x);
            float rounded = (float) expected;
            double ulps;
            if (Float.isNaN(rounded)) {
                ulps = Float.isNaN(found) ? 0 : Double.POSITIVE_INFINITY;
            } else if (Float.isInfinite(rounded)) {
                ulps = found == rounded ? 0 : Double.POSITIVE_INFINITY;
            } else {
                ulps = Math.abs(found - expected) / Math.ulp(rounded);
            }
            if (ulps > worstUlps) {
                worstUlps = ulps;
                worstAt = x;
            }
            compared++;
        }
        assertTrue(
                worstUlps <= 1,
                String.format(
                        Locale.ROOT,
                        "%s: worst error %.3f ulp at x = %s (expected %s, found %s)",
                        name,
                        worstUlps,
                        worstAt,
                        exact.applyAsDouble(worstAt),
                        fast.apply(worstAt)));
        return compared;
    }

    @FunctionalInterface
    private interface FloatFunction {
        float apply(float x);
    }
}
