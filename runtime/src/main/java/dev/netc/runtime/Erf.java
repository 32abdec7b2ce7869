package dev.netc.runtime;

/**
 * The error function and its complement in double precision, for the exact GELU. Java has no {@code erf}, and the
 * short Abramowitz-Stegun formulas are good to only about 1e-7, far too coarse for an oracle that is compared with
 * PyTorch to 1e-6 relative after several layers.
 *
 * <p>This is W. J. Cody's algorithm ("Rational Chebyshev approximations for the error function", Math. Comp. 23,
 * 1969, pp. 631-638; the {@code CALERF} routine of netlib's SPECFUN): near-minimax rational approximations on
 * three intervals, {@code |x| <= 0.46875}, {@code <= 4} and beyond, each accurate to about 18 significant digits
 * before rounding. In double arithmetic the results are within a few ulps, relative, for {@code erf} everywhere and
 * for {@code erfc} down to its underflow near {@code x = 26.5}. The factor {@code exp(-x^2)} is computed as {@code
 * exp(-s^2) exp(-(x-s)(x+s))} with {@code s} = {@code x} truncated to 1/16, so that no accuracy is lost squaring
 * {@code x}. {@link StrictMath} keeps the results identical on every platform.
 *
 * <p>A copy of {@code dev.netc.runtime.reference.Erf}, kept apart on purpose: generated code may depend on this
 * package only, and the reference keeps its own so that it stays an independent oracle. Change both or neither.
 */
final class Erf {

    /** Below this, erf is evaluated directly; above, through erfc. */
    private static final double SMALL_INTERVAL_END = 0.46875;
    /** End of erfc's middle interval; beyond it an asymptotic form in {@code 1/x^2} is used. */
    private static final double MIDDLE_INTERVAL_END = 4.0;
    /** Below this, {@code x^2} is negligible next to the leading coefficient (and could underflow). */
    private static final double NEGLIGIBLE_SQUARE = 1.11e-16;
    /** Above this, erfc underflows to zero in double precision. */
    private static final double ERFC_UNDERFLOW = 26.543;
    /** {@code 1 / sqrt(pi)}. */
    private static final double INVERSE_SQRT_PI = 0.56418958354775628695;

    /** erf(x) ~ x * A(x^2) / B(x^2) for {@code |x| <= 0.46875}; the last A is the leading numerator coefficient. */
    private static final double[] A = {
        3.16112374387056560e00,
        1.13864154151050156e02,
        3.77485237685302021e02,
        3.20937758913846947e03,
        1.85777706184603153e-1
    };

    private static final double[] B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03
    };

    /** erfc(x) ~ exp(-x^2) C(x) / D(x) for {@code 0.46875 < x <= 4}; the last C is the leading coefficient. */
    private static final double[] C = {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
        8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
        2.15311535474403846e-8
    };

    private static final double[] D = {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
        3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03
    };

    /**
     * erfc(x) ~ exp(-x^2) / x * (1/sqrt(pi) - P(1/x^2) / x^2 / Q(1/x^2)) for {@code x > 4}; the last P is the
     * leading coefficient.
     */
    private static final double[] P = {
        3.05326634961232344e-1,
        3.60344899949804439e-1,
        1.25781726111229246e-1,
        1.60837851487422766e-2,
        6.58749161529837803e-4,
        1.63153871373020978e-2
    };

    private static final double[] Q = {
        2.56852019228982242e00,
        1.87295284992346047e00,
        5.27905102951428412e-1,
        6.05183413124413191e-2,
        2.33520497626869185e-3
    };

    private Erf() {}

    /** The error function, {@code 2/sqrt(pi)} times the integral of {@code exp(-t^2)} from 0 to {@code x}. */
    static double erf(double x) {
        double y = Math.abs(x);
        if (y <= SMALL_INTERVAL_END) {
            return x * smallInterval(y);
        }
        double result = (0.5 - erfcAbove(y)) + 0.5;
        return x < 0 ? -result : result;
    }

    /** The complementary error function, {@code 1 - erf(x)}, without the cancellation of computing it that way. */
    static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= SMALL_INTERVAL_END) {
            return 1.0 - x * smallInterval(y);
        }
        double result = erfcAbove(y);
        return x < 0 ? 2.0 - result : result;
    }

    /** {@code erf(y) / y} for {@code 0 <= y <= 0.46875}. */
    private static double smallInterval(double y) {
        double square = y > NEGLIGIBLE_SQUARE ? y * y : 0.0;
        double numerator = A[4] * square;
        double denominator = square;
        for (int i = 0; i < 3; i++) {
            numerator = (numerator + A[i]) * square;
            denominator = (denominator + B[i]) * square;
        }
        return (numerator + A[3]) / (denominator + B[3]);
    }

    /** {@code erfc(y)} for {@code y > 0.46875} (or NaN). */
    private static double erfcAbove(double y) {
        double scaled; // erfc(y) * exp(y^2)
        if (y <= MIDDLE_INTERVAL_END) {
            double numerator = C[8] * y;
            double denominator = y;
            for (int i = 0; i < 7; i++) {
                numerator = (numerator + C[i]) * y;
                denominator = (denominator + D[i]) * y;
            }
            scaled = (numerator + C[7]) / (denominator + D[7]);
        } else if (y >= ERFC_UNDERFLOW) {
            return 0.0;
        } else {
            double inverseSquare = 1.0 / (y * y);
            double numerator = P[5] * inverseSquare;
            double denominator = inverseSquare;
            for (int i = 0; i < 4; i++) {
                numerator = (numerator + P[i]) * inverseSquare;
                denominator = (denominator + Q[i]) * inverseSquare;
            }
            double correction = inverseSquare * (numerator + P[4]) / (denominator + Q[4]);
            scaled = (INVERSE_SQRT_PI - correction) / y;
        }
        double truncated = Math.floor(y * 16.0) / 16.0;
        double rest = (y - truncated) * (y + truncated);
        return StrictMath.exp(-truncated * truncated) * StrictMath.exp(-rest) * scaled;
    }
}
