package dev.netc.runtime.reference;

import dev.netc.Activation;
import dev.netc.runtime.Dropout;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.ParameterLayout;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One dense layer with its parameters cut out of the flat array, {@code Z = X W^T + b} on a batch {@code X} (rows
 * are samples), and the two halves of its backward pass: the gradient of its parameters, written back into the flat
 * layout, and the gradient of its input. The L2 penalty {@code l2 * sum(W^2)} belongs to the layer too, and so do
 * the dropout masks of a training step ({@link #dropoutScales}), which {@link LayerWalk} applies when it walks the
 * network as training does.
 */
final class DenseLayer {

    private final DenseSpec spec;
    /** The layer's index among the network's dense layers, which picks its dropout masks. */
    private final int index;

    private final ParameterLayout.Entry entry;
    /** {@code [units][inputs]}, a copy. */
    private final DMatrixRMaj weights;
    /** {@code [units]}, a copy; zeros when the layer has no bias. */
    private final double[] bias;

    private DenseLayer(DenseSpec spec, int index, ParameterLayout.Entry entry, DMatrixRMaj weights, double[] bias) {
        this.spec = spec;
        this.index = index;
        this.entry = entry;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * The layer {@code spec}, the {@code index}-th dense layer of its network (from 0, the parameter layout's order),
     * with its slice {@code entry} of {@code parameters} (not modified; copied).
     */
    static DenseLayer of(DenseSpec spec, int index, ParameterLayout.Entry entry, double[] parameters) {
        int start = Math.toIntExact(entry.weights());
        double[] weightData = new double[Math.toIntExact(entry.weightCount())];
        System.arraycopy(parameters, start, weightData, 0, weightData.length);
        double[] bias = new double[entry.units()];
        if (entry.bias() >= 0) {
            System.arraycopy(parameters, Math.toIntExact(entry.bias()), bias, 0, bias.length);
        }
        return new DenseLayer(spec, index, entry, DMatrixRMaj.wrap(entry.units(), entry.inputs(), weightData), bias);
    }

    /** The name of the layer (or network input) this one reads. */
    String input() {
        return spec.inputs().get(0);
    }

    Activation activation() {
        return spec.activation();
    }

    /** {@code X W^T + b}. {@code x} not modified. */
    DMatrixRMaj preActivation(DMatrixRMaj x) {
        DMatrixRMaj z = new DMatrixRMaj(x.numRows, entry.units());
        CommonOps_DDRM.multTransB(x, weights, z);
        for (int row = 0; row < z.numRows; row++) {
            for (int unit = 0; unit < z.numCols; unit++) {
                z.data[row * z.numCols + unit] += bias[unit];
            }
        }
        return z;
    }

    /** Whether a training step drops some of the layer's outputs: its dropout rate is positive. */
    boolean hasDropout() {
        return spec.dropout() > 0;
    }

    /**
     * The factor each output of a training step's batch of {@code rows} samples is multiplied by: {@code 1 / (1 -
     * rate)} where {@link Dropout#kept} keeps it with masks from {@code seed}, the row being the sample's index, and 0
     * where it drops it. The factor is computed in double, as the reference computes everything.
     */
    DMatrixRMaj dropoutScales(long seed, int rows) {
        double rate = spec.dropout();
        double scale = 1.0 / (1.0 - rate);
        DMatrixRMaj scales = new DMatrixRMaj(rows, entry.units());
        for (int row = 0; row < rows; row++) {
            for (int unit = 0; unit < entry.units(); unit++) {
                scales.set(row, unit, Dropout.kept(seed, index, row, unit, rate) ? scale : 0.0);
            }
        }
        return scales;
    }

    /** {@code l2 * sum(W^2)}, the layer's share of the loss. */
    double penalty() {
        if (spec.l2() == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < weights.getNumElements(); i++) {
            sum += weights.data[i] * weights.data[i];
        }
        return spec.l2() * sum;
    }

    /**
     * Adds this layer's parameter gradients to {@code gradient} (modified), at its offsets: {@code dZ^T X + 2 l2 W}
     * for the weights and the column sums of {@code dZ} for the bias. {@code x} and {@code dZ} not modified.
     */
    void accumulateGradient(DMatrixRMaj x, DMatrixRMaj dZ, double[] gradient) {
        DMatrixRMaj dW = new DMatrixRMaj(entry.units(), entry.inputs());
        CommonOps_DDRM.multTransA(dZ, x, dW);
        int start = Math.toIntExact(entry.weights());
        for (int i = 0; i < dW.getNumElements(); i++) {
            gradient[start + i] += dW.data[i] + 2.0 * spec.l2() * weights.data[i];
        }
        if (entry.bias() >= 0) {
            int biasStart = Math.toIntExact(entry.bias());
            for (int row = 0; row < dZ.numRows; row++) {
                for (int unit = 0; unit < dZ.numCols; unit++) {
                    gradient[biasStart + unit] += dZ.data[row * dZ.numCols + unit];
                }
            }
        }
    }

    /** The gradient with respect to the layer's input, {@code dZ W}. {@code dZ} not modified. */
    DMatrixRMaj inputGradient(DMatrixRMaj dZ) {
        DMatrixRMaj dX = new DMatrixRMaj(dZ.numRows, entry.inputs());
        CommonOps_DDRM.mult(dZ, weights, dX);
        return dX;
    }
}
