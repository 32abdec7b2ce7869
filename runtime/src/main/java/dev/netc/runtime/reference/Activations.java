package dev.netc.runtime.reference;

import dev.netc.Activation;
import org.ejml.data.DMatrixRMaj;

/**
 * Every activation and its derivative, on a batch of pre-activations (rows are samples), with PyTorch's definitions
 * and its choices at the kinks: the derivative of relu at 0 is 0, that of leaky relu at 0 is the slope. Forward and
 * derivative sit side by side so that a change to one is seen next to the other.
 *
 * <p>Sigmoid and softplus are written in their stable forms, which never overflow. Softplus is the exact {@code
 * log(1 + exp(z))}; PyTorch returns {@code z} itself above {@code z = 20}, a difference below 1e-10 relative.
 */
final class Activations {

    /** PyTorch's default negative slope of leaky relu. */
    static final double LEAKY_SLOPE = 0.01;

    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double INVERSE_SQRT_TWO_PI = 0.3989422804014327;

    private Activations() {}

    /** The activations of {@code z}; softmax works on each row, the others on each element. {@code z} not modified. */
    static DMatrixRMaj forward(Activation activation, DMatrixRMaj z) {
        DMatrixRMaj a = new DMatrixRMaj(z.numRows, z.numCols);
        if (activation == Activation.SOFTMAX) {
            for (int row = 0; row < z.numRows; row++) {
                softmaxRow(z.data, a.data, row * z.numCols, z.numCols);
            }
            return a;
        }
        for (int i = 0; i < z.getNumElements(); i++) {
            a.data[i] = apply(activation, z.data[i]);
        }
        return a;
    }

    /**
     * The gradient with respect to the pre-activations {@code z}, given the gradient {@code dA} with respect to the
     * activations {@code a = forward(activation, z)}. For softmax this is the product with its Jacobian, row by row:
     * {@code dZ = a * (dA - sum(dA * a))}. Arguments not modified.
     */
    static DMatrixRMaj backward(Activation activation, DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj dA) {
        DMatrixRMaj dZ = new DMatrixRMaj(z.numRows, z.numCols);
        if (activation == Activation.SOFTMAX) {
            for (int row = 0; row < z.numRows; row++) {
                int start = row * z.numCols;
                double dot = 0;
                for (int i = start; i < start + z.numCols; i++) {
                    dot += dA.data[i] * a.data[i];
                }
                for (int i = start; i < start + z.numCols; i++) {
                    dZ.data[i] = a.data[i] * (dA.data[i] - dot);
                }
            }
            return dZ;
        }
        for (int i = 0; i < z.getNumElements(); i++) {
            dZ.data[i] = dA.data[i] * derivative(activation, z.data[i], a.data[i]);
        }
        return dZ;
    }

    /** An element-wise activation of one pre-activation. */
    static double apply(Activation activation, double z) {
        return switch (activation) {
            case LINEAR -> z;
            case SIGMOID -> sigmoid(z);
            case TANH -> StrictMath.tanh(z);
            case RELU -> Math.max(z, 0.0);
            case LEAKY_RELU -> z > 0 ? z : LEAKY_SLOPE * z;
            case ELU -> z > 0 ? z : StrictMath.expm1(z);
            case GELU -> z * normalCdf(z);
            case SOFTPLUS -> Math.max(z, 0.0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z)));
            case SOFTMAX -> throw new IllegalArgumentException("softmax works on a whole row, not on one element");
        };
    }

    /** The derivative of an element-wise activation at {@code z}, where it took the value {@code a}. */
    static double derivative(Activation activation, double z, double a) {
        return switch (activation) {
            case LINEAR -> 1.0;
            case SIGMOID -> a * (1.0 - a);
            case TANH -> 1.0 - a * a;
            case RELU -> z > 0 ? 1.0 : 0.0;
            case LEAKY_RELU -> z > 0 ? 1.0 : LEAKY_SLOPE;
            case ELU -> z > 0 ? 1.0 : StrictMath.exp(z);
            case GELU -> normalCdf(z) + z * INVERSE_SQRT_TWO_PI * StrictMath.exp(-0.5 * z * z);
            case SOFTPLUS -> sigmoid(z);
            case SOFTMAX -> throw new IllegalArgumentException("softmax works on a whole row, not on one element");
        };
    }

    /** {@code 1 / (1 + exp(-z))}, computed so that {@code exp} never overflows. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + StrictMath.exp(-z));
        }
        double e = StrictMath.exp(z);
        return e / (1.0 + e);
    }

    /**
     * Softmax of the row of {@code length} values from {@code start} in {@code z}, written at the same place in
     * {@code out}: {@code exp(z - max) / sum(exp(z - max))}, which neither overflows nor loses the small
     * probabilities.
     */
    static void softmaxRow(double[] z, double[] out, int start, int length) {
        double max = max(z, start, length);
        double sum = 0;
        for (int i = start; i < start + length; i++) {
            out[i] = StrictMath.exp(z[i] - max);
            sum += out[i];
        }
        for (int i = start; i < start + length; i++) {
            out[i] /= sum;
        }
    }

    /**
     * Log-softmax of the row, as {@link #softmaxRow}: {@code (z - max) - log(sum(exp(z - max)))}. Subtracting the
     * maximum first keeps it exact for logits far from zero, where {@code z - logSumExp(z)} would round.
     */
    static void logSoftmaxRow(double[] z, double[] out, int start, int length) {
        double max = max(z, start, length);
        double sum = 0;
        for (int i = start; i < start + length; i++) {
            sum += StrictMath.exp(z[i] - max);
        }
        double logSum = StrictMath.log(sum);
        for (int i = start; i < start + length; i++) {
            out[i] = (z[i] - max) - logSum;
        }
    }

    private static double max(double[] values, int start, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = start; i < start + length; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /** The standard normal CDF through erfc, which keeps its relative accuracy far into the negative tail. */
    private static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z * SQRT_HALF);
    }
}
