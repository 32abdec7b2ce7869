package dev.netc.runtime.io;

import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A network's architecture as weight files record it: enough to lay out, name and shape every parameter tensor and to
 * show the network to a person, without the spec. A weight file stores one, and loading compares it with the
 * network's own (see {@link ShapeSignature}), so that weights never silently land in a network of another shape.
 *
 * <p>Tensors are named {@code <layer>.weight} (shape {@code [units, inputs]}) and {@code <layer>.bias} ({@code
 * [units]}) and laid out as {@link dev.netc.spec.ParameterLayout} says: per dense layer in order, weights row-major,
 * then bias.
 *
 * @param network the network's class name; shown, not compared
 * @param inputSize the number of input features
 * @param layers every layer in evaluation order, the output last
 */
public record Architecture(String network, int inputSize, List<Layer> layers) {

    /** The {@link Layer#kind()} of a dense layer, the only kind with parameters. */
    public static final String DENSE = "dense";

    /**
     * @throws IllegalArgumentException if the layers do not form a network: a name used twice, an input that is not
     *     an earlier layer, a dense layer whose fan-in is not its input's size, merge sizes that do not add up
     */
    public Architecture {
        Objects.requireNonNull(network, "network");
        layers = List.copyOf(layers);
        ArchitectureRules.problem(inputSize, layers).ifPresent(problem -> {
            throw new IllegalArgumentException("network " + network + ": " + problem);
        });
    }

    /**
     * One layer.
     *
     * @param name the layer's name, unique in the network
     * @param kind {@code dense}, {@code concat} or {@code add}
     * @param inputs the layers it reads, or {@code input} for the network input
     * @param inputSize a dense layer's fan-in; for concat and add, their size
     * @param size the layer's output size (a dense layer's units)
     * @param bias whether the layer has a bias (dense layers only)
     * @param activation a dense layer's activation as YAML writes it; empty for concat and add
     * @param dropout a dense layer's training-only dropout rate, 0 for none
     */
    public record Layer(
            String name,
            String kind,
            List<String> inputs,
            int inputSize,
            int size,
            boolean bias,
            String activation,
            double dropout) {

        public Layer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(activation, "activation");
        }

        /** Whether this is a dense layer, which has parameters. */
        public boolean isDense() {
            return kind.equals(DENSE);
        }
    }

    /**
     * One parameter tensor.
     *
     * @param name {@code <layer>.weight} or {@code <layer>.bias}
     * @param layer the dense layer it belongs to
     * @param shape {@code [units, inputs]} for weights, {@code [units]} for a bias
     * @param offset where it starts in the flat parameter array
     */
    public record Tensor(String name, String layer, List<Integer> shape, long offset) {

        public Tensor {
            shape = List.copyOf(shape);
        }

        /** Number of values: the product of the shape. */
        public long count() {
            long count = 1;
            for (int dimension : shape) {
                count *= dimension;
            }
            return count;
        }

        /** The shape as {@code [8, 4]}. */
        public String shapeText() {
            return shape.toString();
        }
    }

    /** The architecture of a checked network, layers in its evaluation order. */
    public static Architecture of(CheckedNetwork network) {
        List<Layer> layers = new ArrayList<>();
        for (LayerSpec layer : network.layers()) {
            if (layer instanceof DenseSpec dense) {
                layers.add(new Layer(
                        dense.name(),
                        DENSE,
                        dense.inputs(),
                        network.inputSize(dense),
                        dense.units(),
                        dense.useBias(),
                        dense.activation().yamlName(),
                        dense.dropout()));
            } else {
                int size = network.sizeOf(layer.name());
                layers.add(new Layer(layer.name(), layer.kind(), layer.inputs(), size, size, false, "", 0));
            }
        }
        return new Architecture(network.spec().name(), network.inputSize(), layers);
    }

    /** Every parameter tensor, in parameter-layout order. */
    public List<Tensor> tensors() {
        List<Tensor> tensors = new ArrayList<>();
        long offset = 0;
        for (Layer layer : layers) {
            if (!layer.isDense()) {
                continue;
            }
            Tensor weight = new Tensor(
                    layer.name() + ".weight", layer.name(), List.of(layer.size(), layer.inputSize()), offset);
            tensors.add(weight);
            offset += weight.count();
            if (layer.bias()) {
                tensors.add(new Tensor(layer.name() + ".bias", layer.name(), List.of(layer.size()), offset));
                offset += layer.size();
            }
        }
        return tensors;
    }

    /** Number of parameters: the length of the flat parameter array. */
    public long parameterCount() {
        return tensors().stream().mapToLong(Tensor::count).sum();
    }

    /** The output size: the last layer's. */
    public int outputSize() {
        return layers.get(layers.size() - 1).size();
    }

    /** The number of classes the output encodes, were the network a classifier: its size, or 2 for one output. */
    public int classCount() {
        return outputSize() == 1 ? 2 : outputSize();
    }

    /** The dense layers, in order. */
    public List<Layer> denseLayers() {
        return layers.stream().filter(Layer::isDense).toList();
    }

    /**
     * Whether the network is a plain chain of dense layers, each reading the one before (the first reads the input):
     * what PyTorch's {@code nn.Sequential} of {@code nn.Linear} layers expresses.
     */
    public boolean isChain() {
        String previous = InputSpec.NAME;
        for (Layer layer : layers) {
            if (!layer.isDense() || !layer.inputs().equals(List.of(previous))) {
                return false;
            }
            previous = layer.name();
        }
        return true;
    }

    /** A table of the layers and their tensors, for messages and {@code netc inspect}. */
    public String describe() {
        return ArchitectureTable.of(this);
    }
}
