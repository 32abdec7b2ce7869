package dev.netc.runtime.reference;

import dev.netc.Activation;
import dev.netc.Loss;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * The loss on the output layer, as PyTorch defines it, and its gradient with respect to the output layer's
 * pre-activations {@code z}. Every loss is a mean: over every element for the squared, absolute and binary losses,
 * over the batch for the categorical ones.
 *
 * <p>The cross-entropies are computed from {@code z}, never from probabilities, so they stay finite when a
 * probability rounds to 0 or 1: binary cross-entropy as {@code max(z,0) - z*t + log1p(exp(-|z|))} on a sigmoid
 * output, categorical cross-entropy as {@code -sum(t * log_softmax(z))} on a softmax output or on a linear one, whose
 * values are the logits. Their gradients are the fused {@code sigmoid(z) - t} and {@code softmax(z) * sum(t) - t} (the
 * familiar {@code p - t} for targets that sum to 1). Squared and absolute error work on the activations and pass
 * their gradient back through the output activation, whichever it is.
 */
final class LossHead {

    private final Loss loss;
    private final Activation outputActivation;

    /**
     * @throws IllegalArgumentException if the loss cannot be computed on that output activation
     */
    LossHead(Loss loss, Activation outputActivation) {
        if (!computable(loss, outputActivation)) {
            String needed = loss == Loss.BINARY_CROSSENTROPY ? "a sigmoid" : "a softmax or linear (logits)";
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "loss %s needs %s output, found %s",
                    loss.yamlName(),
                    needed,
                    outputActivation.yamlName()));
        }
        this.loss = loss;
        this.outputActivation = outputActivation;
    }

    /**
     * Whether {@code loss} can be computed on {@code output}: the cross-entropies need their own activation (or, for
     * the categorical ones, logits). The validator's loss rules say the same, and also check unit counts.
     */
    private static boolean computable(Loss loss, Activation output) {
        return switch (loss) {
            case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR -> true;
            case BINARY_CROSSENTROPY -> output == Activation.SIGMOID;
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> output == Activation.SOFTMAX
                    || output == Activation.LINEAR;
        };
    }

    /** Columns a target row has: one class index for sparse categorical cross-entropy, else one per output. */
    int targetColumns(int outputSize) {
        return loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY ? 1 : outputSize;
    }

    /**
     * Checks what the matrix shape cannot: that sparse targets are class indices of the output.
     *
     * @throws IllegalArgumentException naming the first bad row
     */
    void checkTargets(DMatrixRMaj targets, int outputSize) {
        if (loss != Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
            return;
        }
        for (int row = 0; row < targets.numRows; row++) {
            double index = targets.data[row];
            if (!(index >= 0 && index < outputSize && index == Math.rint(index))) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "target row %d: expected a class index from 0 to %d, found %s",
                        row,
                        outputSize - 1,
                        index));
            }
        }
    }

    /** The mean loss for output pre-activations {@code z} and activations {@code a}. Arguments not modified. */
    double value(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj targets) {
        DMatrixRMaj logP = isCategorical() ? logSoftmax(z) : null;
        int columns = z.numCols;
        double sum = 0;
        for (int row = 0; row < z.numRows; row++) {
            for (int i = row * columns; i < (row + 1) * columns; i++) {
                sum += switch (loss) {
                    case MEAN_SQUARED_ERROR -> square(a.data[i] - targets.data[i]);
                    case MEAN_ABSOLUTE_ERROR -> Math.abs(a.data[i] - targets.data[i]);
                    case BINARY_CROSSENTROPY -> Math.max(z.data[i], 0.0)
                            - z.data[i] * targets.data[i]
                            + StrictMath.log1p(StrictMath.exp(-Math.abs(z.data[i])));
                    case CATEGORICAL_CROSSENTROPY -> -targets.data[i] * logP.data[i];
                    case SPARSE_CATEGORICAL_CROSSENTROPY -> isTargetClass(targets, row, i - row * columns)
                            ? -logP.data[i]
                            : 0.0;
                };
            }
        }
        return sum / meanDivisor(z);
    }

    /** The gradient of {@link #value} with respect to {@code z}. Arguments not modified. */
    DMatrixRMaj gradient(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj targets) {
        DMatrixRMaj p = isCategorical() ? Activations.forward(Activation.SOFTMAX, z) : null;
        double divisor = meanDivisor(z);
        int columns = z.numCols;
        DMatrixRMaj d = new DMatrixRMaj(z.numRows, columns);
        for (int row = 0; row < z.numRows; row++) {
            double targetSum = loss == Loss.CATEGORICAL_CROSSENTROPY ? rowSum(targets, row) : 1.0;
            for (int i = row * columns; i < (row + 1) * columns; i++) {
                double slope =
                        switch (loss) {
                            case MEAN_SQUARED_ERROR -> 2.0 * (a.data[i] - targets.data[i]);
                            case MEAN_ABSOLUTE_ERROR -> Math.signum(a.data[i] - targets.data[i]);
                            case BINARY_CROSSENTROPY -> Activations.sigmoid(z.data[i]) - targets.data[i];
                            case CATEGORICAL_CROSSENTROPY -> p.data[i] * targetSum - targets.data[i];
                            case SPARSE_CATEGORICAL_CROSSENTROPY -> p.data[i]
                                    - (isTargetClass(targets, row, i - row * columns) ? 1.0 : 0.0);
                        };
                d.data[i] = slope / divisor;
            }
        }
        if (loss == Loss.MEAN_SQUARED_ERROR || loss == Loss.MEAN_ABSOLUTE_ERROR) {
            return Activations.backward(outputActivation, z, a, d);
        }
        return d;
    }

    private static DMatrixRMaj logSoftmax(DMatrixRMaj z) {
        DMatrixRMaj logP = new DMatrixRMaj(z.numRows, z.numCols);
        for (int row = 0; row < z.numRows; row++) {
            Activations.logSoftmaxRow(z.data, logP.data, row * z.numCols, z.numCols);
        }
        return logP;
    }

    /** Whether {@code column} is the class index that sparse {@code targets} give for {@code row}. */
    private static boolean isTargetClass(DMatrixRMaj targets, int row, int column) {
        return targets.data[row] == column;
    }

    private boolean isCategorical() {
        return loss == Loss.CATEGORICAL_CROSSENTROPY || loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    /** What the summed loss is divided by: the batch size, or the number of output elements. */
    private double meanDivisor(DMatrixRMaj z) {
        return isCategorical() ? z.numRows : (double) z.numRows * z.numCols;
    }

    private static double rowSum(DMatrixRMaj matrix, int row) {
        double sum = 0;
        for (int i = row * matrix.numCols; i < (row + 1) * matrix.numCols; i++) {
            sum += matrix.data[i];
        }
        return sum;
    }

    private static double square(double x) {
        return x * x;
    }
}
