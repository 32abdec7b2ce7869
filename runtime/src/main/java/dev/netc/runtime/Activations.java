package dev.netc.runtime;

/**
 * The activation functions generated code calls, in float, in their numerically stable forms: a sigmoid and a
 * softplus that never overflow, GELU through an accurate {@code erf}, and softmax and log-sum-exp that subtract the
 * maximum first. Transcendental functions are evaluated in double and rounded once, so each result is within an ulp
 * or two of the exact value. The ones on the hot path of common networks (tanh, sigmoid, and the exponentials of
 * softmax and log-sum-exp) use {@link FastMath} rather than {@link Math}: JDK 17 computes {@code Math.tanh} in
 * software, and even the {@code Math.exp} intrinsic dominated the time of small networks. The simple activations
 * (linear, relu, leaky relu) are written inline by the generator instead, all but relu's derivative.
 *
 * <p>Definitions and the choices at the kinks are PyTorch's, as in the reference implementation. Stateless, so safe
 * from any thread; nothing here allocates.
 */
public final class Activations {

    /** PyTorch's default negative slope of leaky relu. */
    public static final float LEAKY_SLOPE = 0.01f;

    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double INVERSE_SQRT_TWO_PI = 0.3989422804014327;

    private Activations() {}

    /** {@code 1 / (1 + exp(-z))}, computed so that {@code exp} never overflows; within one ulp. */
    public static float sigmoid(float z) {
        return FastMath.sigmoid(z);
    }

    /** The hyperbolic tangent, within one ulp. */
    public static float tanh(float z) {
        return FastMath.tanh(z);
    }

    /**
     * Relu's derivative from its output {@code a = max(z, 0)}: 1 where {@code a > 0}, 0 where {@code a == 0}
     * (PyTorch's choice at the kink), for every {@code a} relu can give but NaN. Written without a comparison, which
     * C2 (JDK 17) cannot vectorise, so that a loop of it runs on whole vectors: two exact scalings lift every positive
     * float, the smallest subnormal 2^-149 included, to at least 1, and the minimum caps it at 1.
     */
    public static float reluDerivative(float a) {
        return Math.min(a * 0x1p127f * 0x1p22f, 1f);
    }

    /** {@code z} for positive {@code z}, {@code exp(z) - 1} otherwise (alpha 1), with {@code expm1} near zero. */
    public static float elu(float z) {
        return z > 0 ? z : (float) Math.expm1(z);
    }

    /** Exact GELU, {@code z * Phi(z)}, with the normal CDF through {@code erfc}. */
    public static float gelu(float z) {
        return (float) (z * normalCdf(z));
    }

    /** The derivative of {@link #gelu}: {@code Phi(z) + z * phi(z)}. */
    public static float geluDerivative(float z) {
        double x = z;
        return (float) (normalCdf(x) + x * INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * x * x));
    }

    /** {@code log(1 + exp(z))} as {@code max(z, 0) + log1p(exp(-|z|))}, which neither overflows nor rounds to 0. */
    public static float softplus(float z) {
        return (float) (Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs((double) z))));
    }

    /**
     * Softmax of {@code z[0..length)} into {@code out[0..length)}: {@code exp(z - max) / sum(exp(z - max))}, which
     * neither overflows nor loses the small probabilities. {@code z} not modified unless it is {@code out}.
     */
    public static void softmax(float[] z, float[] out, int length) {
        softmax(z, 0, out, 0, length);
    }

    /**
     * Softmax of {@code z[zOffset..zOffset+length)} into {@code out[outOffset..outOffset+length)}, as {@link
     * #softmax(float[], float[], int)}; one row of a batch-major block. {@code z} not modified unless the ranges are
     * the same.
     */
    public static void softmax(float[] z, int zOffset, float[] out, int outOffset, int length) {
        float max = max(z, zOffset, length);
        double sum = 0;
        for (int i = 0; i < length; i++) {
            float e = FastMath.exp(z[zOffset + i] - max);
            out[outOffset + i] = e;
            sum += e;
        }
        float inverse = (float) (1.0 / sum);
        for (int i = 0; i < length; i++) {
            out[outOffset + i] *= inverse;
        }
    }

    /**
     * {@code log(sum(exp(z[0..length))))} as {@code max + log(sum(exp(z - max)))}, in double: the normaliser of
     * log-softmax, so that cross-entropy is computed from logits without forming a probability. {@code z} not
     * modified.
     */
    public static double logSumExp(float[] z, int length) {
        return logSumExp(z, 0, length);
    }

    /** {@link #logSumExp(float[], int)} of {@code z[offset..offset+length)}. {@code z} not modified. */
    public static double logSumExp(float[] z, int offset, int length) {
        float max = max(z, offset, length);
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += FastMath.exp((double) z[offset + i] - max);
        }
        return max + Math.log(sum);
    }

    /**
     * Turns {@code d}, the gradient with respect to softmax outputs {@code a}, into the gradient with respect to the
     * pre-activations, in place: {@code d = a * (d - sum(d * a))}. {@code a} not modified.
     */
    public static void softmaxBackward(float[] a, float[] d, int length) {
        softmaxBackward(a, 0, d, 0, length);
    }

    /**
     * {@link #softmaxBackward(float[], float[], int)} on {@code a[aOffset..aOffset+length)} and {@code
     * d[dOffset..dOffset+length)}. {@code a} not modified.
     */
    public static void softmaxBackward(float[] a, int aOffset, float[] d, int dOffset, int length) {
        double dot = 0;
        for (int i = 0; i < length; i++) {
            dot += (double) d[dOffset + i] * a[aOffset + i];
        }
        float shift = (float) dot;
        for (int i = 0; i < length; i++) {
            d[dOffset + i] = a[aOffset + i] * (d[dOffset + i] - shift);
        }
    }

    private static float max(float[] values, int offset, int length) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, values[offset + i]);
        }
        return max;
    }

    /** The standard normal CDF through erfc, which keeps its relative accuracy far into the negative tail. */
    private static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z * SQRT_HALF);
    }
}
