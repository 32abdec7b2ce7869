package dev.netc.spec;

import dev.netc.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network that passed validation: its layers in evaluation order (inputs before the layers that read them, the
 * output last; the order is a depth-first walk from the output, so it does not depend on the order the layers were
 * written in), every layer's inputs named explicitly, every size known, and its parameter layout. Code generation and
 * the reference implementation start from here.
 */
public final class CheckedNetwork {

    private final NetworkSpec spec;
    private final Map<String, Integer> sizes;
    private final ParameterLayout layout;

    /**
     * Made by the validator only.
     *
     * @param spec the network with layers in evaluation order and inputs resolved
     * @param sizes output size of every layer, and of {@link InputSpec#NAME}
     */
    public CheckedNetwork(NetworkSpec spec, Map<String, Integer> sizes) {
        this.spec = spec;
        this.sizes = Map.copyOf(new LinkedHashMap<>(sizes));
        this.layout = ParameterLayout.of(spec.layers(), name -> inputSize(layerNamed(name)));
    }

    /** The network, layers in evaluation order with explicit inputs. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The layers in evaluation order; the last is the output. */
    public List<LayerSpec> layers() {
        return spec.layers();
    }

    /** The output layer (always dense). */
    public DenseSpec output() {
        return (DenseSpec) spec.layers().get(spec.layers().size() - 1);
    }

    /** The output activation. */
    public Activation outputActivation() {
        return output().activation();
    }

    /** The network's input size. */
    public int inputSize() {
        return spec.input().size();
    }

    /** The network's output size. */
    public int outputSize() {
        return output().units();
    }

    /** The output size of the layer (or {@link InputSpec#NAME}) called {@code name}. */
    public int sizeOf(String name) {
        Integer size = sizes.get(name);
        if (size == null) {
            throw new IllegalArgumentException("no layer called " + name);
        }
        return size;
    }

    /** The input size of {@code layer}: its input's size for dense, the sum for concat, the common size for add. */
    public int inputSize(LayerSpec layer) {
        if (layer instanceof DenseSpec dense) {
            return sizeOf(dense.inputs().get(0));
        }
        return sizeOf(layer.name()); // a merge's input size is its output size
    }

    /** Where each dense layer's parameters sit in the flat parameter array. */
    public ParameterLayout layout() {
        return layout;
    }

    /** The layer called {@code name}. */
    public LayerSpec layerNamed(String name) {
        for (LayerSpec layer : spec.layers()) {
            if (layer.name().equals(name)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("no layer called " + name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckedNetwork that && spec.equals(that.spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return "CheckedNetwork" + spec;
    }
}
