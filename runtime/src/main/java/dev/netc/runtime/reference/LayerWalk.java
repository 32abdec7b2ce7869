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
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Walks a checked network's layers: forward in evaluation order, recording a {@link Tape}; backward in reverse
 * order, where each layer adds ({@code +=}) the gradient it sends to each of its inputs, since a layer may be read
 * by several layers (or twice by one).
 */
final class LayerWalk {

    private final CheckedNetwork network;
    private final Map<String, DenseLayer> denseLayers = new HashMap<>();

    /** The walk over {@code network} with {@code parameters} in its layout (not modified; copied). */
    LayerWalk(CheckedNetwork network, double[] parameters) {
        this.network = network;
        for (LayerSpec layer : network.layers()) {
            if (layer instanceof DenseSpec dense) {
                denseLayers.put(
                        dense.name(), DenseLayer.of(dense, network.layout().of(dense.name()), parameters));
            }
        }
    }

    /** Evaluates every layer on {@code input} (rows are samples; not modified). */
    Tape forward(DMatrixRMaj input) {
        Tape tape = new Tape();
        tape.recordOutput(InputSpec.NAME, input);
        for (LayerSpec layer : network.layers()) {
            if (layer instanceof DenseSpec) {
                DenseLayer dense = denseLayers.get(layer.name());
                DMatrixRMaj z = dense.preActivation(tape.output(dense.input()));
                tape.recordPreActivation(layer.name(), z);
                tape.recordOutput(layer.name(), Activations.forward(dense.activation(), z));
            } else if (layer instanceof ConcatSpec) {
                tape.recordOutput(layer.name(), concat(layer.inputs(), tape, network.sizeOf(layer.name())));
            } else if (layer instanceof AddSpec) {
                tape.recordOutput(layer.name(), add(layer.inputs(), tape));
            }
        }
        return tape;
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
                                dense.activation(), tape.preActivation(name), tape.output(name), dOutput);
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
