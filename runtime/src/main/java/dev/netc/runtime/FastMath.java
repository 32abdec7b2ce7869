package dev.netc.runtime;

/**
 * Fast {@code exp}, {@code tanh} and sigmoid for float activations, accurate to within one float ulp (almost always
 * correctly rounded) and several times faster than {@link Math#tanh}, which JDK 17 does not intrinsify, and faster
 * than the {@link Math#exp} intrinsic.
 *
 * <p>{@link #exp(double)} is the core: {@code exp(x) = 2^n * 2^(j/64) * exp(r)} with {@code x * 64/ln2} rounded to the
 * integer {@code 64n + j}, a table of the 64 values {@code 2^(j/64)}, and the remainder {@code |r| <= ln2/128} in a
 * degree-4 Taylor polynomial, whose error {@code r^5/120} is below 4e-14. It is evaluated in double, so every float
 * function here rounds once at the end. Only double additions and multiplications are used (no {@code Math.fma}, no
 * platform intrinsic), and the table is built with {@link StrictMath}, so results are the same on every JVM.
 *
 * <p>Stateless, so safe from any thread; nothing here allocates.
 */
public final class FastMath {

    private static final int TABLE_BITS = 6;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    /** {@code 2^(j/64)} for {@code j < 64}. */
    private static final double[] TWO_TO_J_64 = new double[TABLE_SIZE];

    private static final double SIXTY_FOUR_OVER_LN2 = TABLE_SIZE / 0.6931471805599453;
    /** fdlibm's split of ln 2, over 64 (exact: a power of two): the high part times any |k| < 2^21 is exact. */
    private static final double LN2_64_HIGH = 6.93147180369123816490e-01 / TABLE_SIZE;

    private static final double LN2_64_LOW = 1.90821492927058770002e-10 / TABLE_SIZE;
    /** 1.5 * 2^52: adding it rounds to an integer, which then sits in the low bits of the sum. */
    private static final double ROUNDING_SHIFT = 0x1.8p52;
    /** Below this {@code exp} is 0 in double, above the next it is infinite; between, the exponents stay in range. */
    private static final double EXP_MIN = -746;

    private static final double EXP_MAX = 710;
    /** Below this |x|, tanh is its series to x^7 (next term below 6e-12 relative); above the next, it is 1 in double. */
    private static final double TANH_SERIES = 0.0625;

    private static final double TANH_ONE = 20;

    static {
        for (int j = 0; j < TABLE_SIZE; j++) {
            TWO_TO_J_64[j] = StrictMath.pow(2, (double) j / TABLE_SIZE);
        }
    }

    private FastMath() {}

    /**
     * {@code e^x} in double with a relative error below 1e-13: ample for float results and for sums of exponentials
     * such as log-sum-exp, not a replacement for {@link Math#exp} where double accuracy matters. 0 below -746,
     * infinite above 710, NaN for NaN.
     */
    public static double exp(double x) {
        if (!(x >= EXP_MIN)) {
            return x != x ? x : 0;
        }
        if (x > EXP_MAX) {
            return Double.POSITIVE_INFINITY;
        }
        double shifted = x * SIXTY_FOUR_OVER_LN2 + ROUNDING_SHIFT;
        int m = (int) Double.doubleToRawLongBits(shifted); // round(x * 64 / ln2), in the low bits
        double k = shifted - ROUNDING_SHIFT;
        double r = (x - k * LN2_64_HIGH) - k * LN2_64_LOW;
        double r2 = r * r;
        double p = 1 + r + r2 * (0.5 + r * (1.0 / 6) + r2 * (1.0 / 24));
        int n = m >> TABLE_BITS;
        int half = n >> 1; // two factors, so that 2^n needs no subnormal or infinite power of two
        return TWO_TO_J_64[m & (TABLE_SIZE - 1)] * p * powerOfTwo(half) * powerOfTwo(n - half);
    }

    /** {@code e^x} rounded to float: within one ulp, +Inf above about 88.72, 0 below about -103.97. */
    public static float exp(float x) {
        return (float) exp((double) x);
    }

    /** The hyperbolic tangent, within one float ulp; odd, so {@code tanh(-0) = -0}. */
    public static float tanh(float x) {
        double a = Math.abs((double) x);
        if (a < TANH_SERIES) {
            double x2 = (double) x * x;
            return (float) (x * (1 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315)))));
        }
        if (a > TANH_ONE) {
            return x > 0 ? 1f : -1f;
        }
        double t = 1 - 2 / (exp(2 * a) + 1);
        return (float) (x > 0 ? t : -t);
    }

    /** The logistic function {@code 1 / (1 + e^-z)}, within one float ulp, with no overflow for any z. */
    public static float sigmoid(float z) {
        double e = exp(-Math.abs((double) z));
        return (float) (z >= 0 ? 1 / (1 + e) : e / (1 + e));
    }

    private static double powerOfTwo(int n) {
        return Double.longBitsToDouble((long) (n + 1023) << 52);
    }
}
