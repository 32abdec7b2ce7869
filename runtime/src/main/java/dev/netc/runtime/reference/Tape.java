package dev.netc.runtime.reference;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * What a forward pass leaves for the backward pass: each layer's output (and the network input's, under {@code
 * input}) and each dense layer's pre-activations. Looked up by layer name only, never iterated.
 */
final class Tape {

    private final Map<String, DMatrixRMaj> outputs = new HashMap<>();
    private final Map<String, DMatrixRMaj> preActivations = new HashMap<>();

    /** Records the output of {@code layer} (or of the network input). */
    void recordOutput(String layer, DMatrixRMaj output) {
        outputs.put(layer, output);
    }

    /** Records the pre-activations of the dense layer {@code layer}. */
    void recordPreActivation(String layer, DMatrixRMaj z) {
        preActivations.put(layer, z);
    }

    /** The output of {@code layer}, or the network input for {@code input}. */
    DMatrixRMaj output(String layer) {
        return require(outputs, layer);
    }

    /** The pre-activations of the dense layer {@code layer}. */
    DMatrixRMaj preActivation(String layer) {
        return require(preActivations, layer);
    }

    private static DMatrixRMaj require(Map<String, DMatrixRMaj> values, String layer) {
        DMatrixRMaj value = values.get(layer);
        if (value == null) {
            throw new IllegalStateException("no value recorded for layer " + layer);
        }
        return value;
    }
}
