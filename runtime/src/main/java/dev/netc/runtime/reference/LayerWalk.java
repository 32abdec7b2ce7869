package dev.netc.runtime.reference;

import dev.netc.spec.AddSpec;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.ConcatSpec;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Walks a checked network's layers: forward in evaluation order, recording a {@link Tape}; backward in reverse
 * order, where each layer adds ({@code +=}) the gradient it sends to each of its inputs, since a layer may be read
 * by several layers (or twice by one).
 *
 * <p>Given a dropout seed, the forward pass walks the network as a training step does: the output of every hidden
 * dense layer with a dropout rate is its activations multiplied by the layer's {@link DenseLayer#dropoutScales}, and
 * the layers reading it read those dropped values. The backward pass then multiplies the gradient reaching such a
 * layer by the same factors before the activation's derivative, which is taken at the activations before dropout.
 */
final class LayerWalk {

    private final CheckedNetwork network;
    private final Map<String, DenseLayer> denseLayers = new HashMap<>();

    /** The walk over {@code network} with {@code parameters} in its layout (not modified; copied). */
    LayerWalk(CheckedNetwork network, double[] parameters) {
        this.network = network;
        int index = 0; // among the dense layers: the layout's order, which the dropout masks are drawn by
        for (LayerSpec layer : network.layers()) {
            if (layer instanceof DenseSpec dense) {
                denseLayers.put(
                        dense.name(),
                        DenseLayer.of(dense, index++, network.layout().of(dense.name()), parameters));
            }
        }
    }

    /**
     * Evaluates every layer on {@code input} (rows are samples, a sample's index being its row; not modified): with
     * dropout as a training step applies it when {@code dropoutSeed} is present, the masks drawn from it; as at
     * inference, where dropout is the identity, when it is empty.
     */
    Tape forward(DMatrixRMaj input, OptionalLong dropoutSeed) {
        Tape tape = new Tape();
        tape.recordOutput(InputSpec.NAME, input);
        for (LayerSpec layer : network.layers()) {
            if (layer instanceof DenseSpec) {
                forwardDense(denseLayers.get(layer.name()), layer.name(), tape, dropoutSeed);
            } else if (layer instanceof ConcatSpec) {
                tape.recordOutput(layer.name(), concat(layer.inputs(), tape, network.sizeOf(layer.name())));
            } else if (layer instanceof AddSpec) {
                tape.recordOutput(layer.name(), add(layer.inputs(), tape));
            }
        }
        return tape;
    }

    /** Evaluates the dense layer called {@code name}, recording what its backward pass needs. */
    private void forwardDense(DenseLayer dense, String name, Tape tape, OptionalLong dropoutSeed) {
        DMatrixRMaj z = dense.preActivation(tape.output(dense.input()));
        DMatrixRMaj a = Activations.forward(dense.activation(), z);
        tape.recordPreActivation(name, z);
        tape.recordActivation(name, a);
        // The output layer is never dropped: the language rejects dropout on it, and were it given a rate anyway, the
        // loss would still be computed from all of the output.
        if (dropoutSeed.isEmpty()
                || !dense.hasDropout()
                || name.equals(network.output().name())) {
            tape.recordOutput(name, a);
            return;
        }
        DMatrixRMaj scales = dense.dropoutScales(dropoutSeed.getAsLong(), a.numRows);
        tape.recordDropoutScales(name, scales);
        tape.recordOutput(name, CommonOps_DDRM.elementMult(a, scales, null));
    }

    /** The sum of every dense layer's L2 penalty. */
    double penalty() {
        double sum = 0;
        for (LayerSpec layer : network.layers()) {
            if (layer instanceof DenseSpec) {
                sum += denseLayers.get(layer.name()).penalty();
            }
        }
        return sum;
    }

    /**
     * The gradient of the loss with respect to every parameter, in the network's parameter layout, given {@code
     * outputGradient}: the gradient with respect to the output layer's pre-activations. Arguments not modified.
     */
    double[] backward(Tape tape, DMatrixRMaj outputGradient) {
        double[] gradient = new double[Math.toIntExact(network.layout().count())];
        Map<String, DMatrixRMaj> upstream = new HashMap<>(); // d loss / d (output of a layer)
        List<LayerSpec> layers = network.layers();
        String outputName = network.output().name();
        for (int index = layers.size() - 1; index >= 0; index--) {
            LayerSpec layer = layers.get(index);
            String name = layer.name();
            DMatrixRMaj dOutput = upstream.get(name);
            if (dOutput == null && !name.equals(outputName)) {
                continue; // read by no layer: it does not change the loss, its gradient stays zero
            }
            if (layer instanceof DenseSpec) {
                DenseLayer dense = denseLayers.get(name);
                DMatrixRMaj dZ = name.equals(outputName)
                        ? outputGradient
                        : Activations.backward(
                                dense.activation(),
                                tape.preActivation(name),
                                tape.activation(name),
                                beforeDropout(tape, name, dOutput));
                dense.accumulateGradient(tape.output(dense.input()), dZ, gradient);
                if (!dense.input().equals(InputSpec.NAME)) {
                    accumulate(upstream, dense.input(), dense.inputGradient(dZ));
                }
            } else if (layer instanceof ConcatSpec) {
                int column = 0;
                for (String input : layer.inputs()) {
                    int width = network.sizeOf(input);
                    if (!input.equals(InputSpec.NAME)) {
                        accumulate(
                                upstream,
                                input,
                                CommonOps_DDRM.extract(dOutput, 0, dOutput.numRows, column, column + width));
                    }
                    column += width;
                }
            } else if (layer instanceof AddSpec) {
                for (String input : layer.inputs()) {
                    if (!input.equals(InputSpec.NAME)) {
                        accumulate(upstream, input, dOutput);
                    }
                }
            }
        }
        return gradient;
    }

    /**
     * The gradient with respect to the activations of the dense layer {@code layer}, given {@code dOutput}, the one
     * with respect to its output: multiplied by the factors dropout multiplied the activations by, or unchanged if it
     * was not applied. {@code dOutput} not modified.
     */
    private static DMatrixRMaj beforeDropout(Tape tape, String layer, DMatrixRMaj dOutput) {
        return tape.dropoutScales(layer)
                .map(scales -> CommonOps_DDRM.elementMult(dOutput, scales, null))
                .orElse(dOutput);
    }

    private static DMatrixRMaj concat(List<String> inputs, Tape tape, int width) {
        DMatrixRMaj first = tape.output(inputs.get(0));
        DMatrixRMaj joined = new DMatrixRMaj(first.numRows, width);
        int column = 0;
        for (String input : inputs) {
            DMatrixRMaj part = tape.output(input);
            CommonOps_DDRM.insert(part, joined, 0, column);
            column += part.numCols;
        }
        return joined;
    }

    private static DMatrixRMaj add(List<String> inputs, Tape tape) {
        DMatrixRMaj sum = tape.output(inputs.get(0)).copy();
        for (String input : inputs.subList(1, inputs.size())) {
            CommonOps_DDRM.addEquals(sum, tape.output(input));
        }
        return sum;
    }

    /** {@code upstream[layer] += gradient}, without modifying {@code gradient}. */
    private static void accumulate(Map<String, DMatrixRMaj> upstream, String layer, DMatrixRMaj gradient) {
        DMatrixRMaj sum = upstream.get(layer);
        if (sum == null) {
            upstream.put(layer, gradient.copy());
        } else {
            CommonOps_DDRM.addEquals(sum, gradient);
        }
    }
}
