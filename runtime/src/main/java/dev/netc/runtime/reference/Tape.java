package dev.netc.runtime.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * What a forward pass leaves for the backward pass: each layer's output (and the network input's, under {@code
 * input}), the value the layers reading it see; and for each dense layer its pre-activations, its activations and,
 * when dropout was applied to it, the factor each activation was multiplied by to give the output. Without dropout a
 * dense layer's output is its activations. Looked up by layer name only, never iterated.
 */
final class Tape {

    private final Map<String, DMatrixRMaj> outputs = new HashMap<>();
    private final Map<String, DMatrixRMaj> preActivations = new HashMap<>();
    private final Map<String, DMatrixRMaj> activations = new HashMap<>();
    private final Map<String, DMatrixRMaj> dropoutScales = new HashMap<>();

    /** Records the output of {@code layer} (or of the network input). */
    void recordOutput(String layer, DMatrixRMaj output) {
        outputs.put(layer, output);
    }

    /** Records the pre-activations of the dense layer {@code layer}. */
    void recordPreActivation(String layer, DMatrixRMaj z) {
        preActivations.put(layer, z);
    }

    /** Records the activations of the dense layer {@code layer}, before any dropout. */
    void recordActivation(String layer, DMatrixRMaj a) {
        activations.put(layer, a);
    }

    /** Records the factors (0 or {@code 1 / (1 - rate)}) dropout multiplied the activations of {@code layer} by. */
    void recordDropoutScales(String layer, DMatrixRMaj scales) {
        dropoutScales.put(layer, scales);
    }

    /** The output of {@code layer}, or the network input for {@code input}. */
    DMatrixRMaj output(String layer) {
        return require(outputs, layer);
    }

    /** The pre-activations of the dense layer {@code layer}. */
    DMatrixRMaj preActivation(String layer) {
        return require(preActivations, layer);
    }

    /** The activations of the dense layer {@code layer}, before any dropout. */
    DMatrixRMaj activation(String layer) {
        return require(activations, layer);
    }

    /** The factors dropout multiplied the dense layer {@code layer}'s activations by, if it was applied to it. */
    Optional<DMatrixRMaj> dropoutScales(String layer) {
        return Optional.ofNullable(dropoutScales.get(layer));
    }

    private static DMatrixRMaj require(Map<String, DMatrixRMaj> values, String layer) {
        DMatrixRMaj value = values.get(layer);
        if (value == null) {
            throw new IllegalStateException("no value recorded for layer " + layer);
        }
        return value;
    }
}
