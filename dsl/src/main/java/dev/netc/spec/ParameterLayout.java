package dev.netc.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each dense layer's parameters sit in a network's one flat {@code float[]}: for each dense layer in network
 * order, its weights row-major {@code [units][inputs]}, then its bias {@code [units]} (when it has one). Gradients,
 * optimizer state and weight files use the same layout. The code generator and the reference implementation both
 * read it from here.
 *
 * @param layers the dense layers in network order
 * @param count total number of parameters
 */
public record ParameterLayout(List<Entry> layers, long count) {

    public ParameterLayout {
        layers = List.copyOf(layers);
    }

    /**
     * One dense layer's slice of the parameters.
     *
     * @param layer the layer's name
     * @param inputs its input size
     * @param units its output size
     * @param weights offset of {@code W[0][0]}
     * @param bias offset of {@code b[0]}, or -1 when the layer has no bias
     */
    public record Entry(String layer, int inputs, int units, long weights, long bias) {

        /** Number of weights, {@code units * inputs}. */
        public long weightCount() {
            return (long) units * inputs;
        }

        /** Number of parameters: weights and bias. */
        public long count() {
            return weightCount() + (bias < 0 ? 0 : units);
        }
    }

    /** Lays out the dense layers of {@code network} in its (checked) order. */
    static ParameterLayout of(List<LayerSpec> layers, java.util.function.ToIntFunction<String> inputSizeOf) {
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        for (LayerSpec layer : layers) {
            if (layer instanceof DenseSpec dense) {
                int inputs = inputSizeOf.applyAsInt(dense.name());
                long weights = offset;
                offset += (long) inputs * dense.units();
                long bias = -1;
                if (dense.useBias()) {
                    bias = offset;
                    offset += dense.units();
                }
                entries.add(new Entry(dense.name(), inputs, dense.units(), weights, bias));
            }
        }
        return new ParameterLayout(entries, offset);
    }

    /** The entry of the dense layer called {@code layer}. */
    public Entry of(String layer) {
        for (Entry entry : layers) {
            if (entry.layer().equals(layer)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("no dense layer called " + layer);
    }
}
