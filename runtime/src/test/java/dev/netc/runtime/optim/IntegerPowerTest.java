package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link IntegerPower} against exact powers and against {@link StrictMath#pow} for the exponents training reaches. */
class IntegerPowerTest {

    @Test
    void powersOfTwoAreExact() {
        assertEquals(1.0, IntegerPower.of(0.5, 0));
        assertEquals(0.5, IntegerPower.of(0.5, 1));
        assertEquals(Math.scalb(1.0, -37), IntegerPower.of(0.5, 37));
        assertEquals(Math.scalb(1.0, 62), IntegerPower.of(2.0, 62));
    }

    @Test
    void agreesWithStrictMathWithinAnErrorThatGrowsWithTheExponent() {
        int compared = 0;
        for (double base : new double[] {0.9, 0.99, 0.999, 0.5, 0.3}) {
            for (long exponent = 1; exponent <= 1_000_000; exponent = exponent * 3 + 1) {
                double expected = StrictMath.pow(base, exponent);
                double tolerance = exponent * Math.ulp(expected) + Double.MIN_VALUE;
                assertEquals(expected, IntegerPower.of(base, exponent), tolerance, base + "^" + exponent);
                compared++;
            }
        }
        assertEquals(5 * 13, compared, "powers compared");
    }
}
