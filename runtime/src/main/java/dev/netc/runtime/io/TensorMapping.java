package dev.netc.runtime.io;

import dev.netc.Activation;
import dev.netc.runtime.io.Architecture.Layer;
import dev.netc.runtime.io.Architecture.Tensor;
import dev.netc.runtime.io.WeightFileException.Problem;
import dev.netc.spec.diag.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the tensors of a safetensors file are named, relative to netc's layers. The same scheme names tensors on export,
 * so a file netc writes loads back into PyTorch.
 *
 * <ul>
 *   <li>{@link #sequential()}: PyTorch's {@code nn.Sequential} names, {@code 0.weight}, {@code 0.bias}, {@code
 *       2.weight}, ... On import, the file's Linear layers (the indices that have a {@code weight}) are taken in index
 *       order and matched to the network's dense layers in order, whatever the indices are. On export, indices count
 *       modules as an {@code nn.Sequential} would hold them: per dense layer a {@code Linear}, then its activation
 *       module unless the activation is linear, then a {@code Dropout} when it has one.
 *   <li>{@link #layerNames()}: {@code <layer>.weight} and {@code <layer>.bias}, as a PyTorch module whose attributes
 *       are named like the netc layers ({@code self.hidden1 = nn.Linear(4, 8)}).
 *   <li>{@link #modules(Map)}: each dense layer mapped to a PyTorch module path, for any other model: {@code
 *       hidden1 -> encoder.fc1} reads {@code encoder.fc1.weight} and {@code encoder.fc1.bias}.
 *   <li>{@link #automatic()}, the default: {@code nn.Sequential} names for a network that is a chain of dense layers
 *       (on import, when the file has a weight named so, {@code 0.weight} say), layer names otherwise.
 * </ul>
 */
public abstract sealed class TensorMapping {

    private TensorMapping() {}

    /** PyTorch {@code nn.Sequential} names for chains of dense layers, layer names otherwise. */
    public static TensorMapping automatic() {
        return Automatic.INSTANCE;
    }

    /** PyTorch {@code nn.Sequential} names: {@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ... */
    public static TensorMapping sequential() {
        return Sequential.INSTANCE;
    }

    /** netc's layer names: {@code hidden1.weight}, {@code hidden1.bias}, ... */
    public static TensorMapping layerNames() {
        return LayerNames.INSTANCE;
    }

    /**
     * Each dense layer named as a PyTorch module path: {@code layer -> module} gives {@code module.weight} and {@code
     * module.bias}. Every dense layer of the network must be mapped.
     *
     * @throws IllegalArgumentException if a module path is empty or two layers share one
     */
    public static TensorMapping modules(Map<String, String> layerToModule) {
        return new Modules(layerToModule);
    }

    /** The mapping that names {@code network}'s tensors when importing from {@code file}: this one, or its choice. */
    TensorMapping forImport(Architecture network, SafetensorsFile file) {
        return this;
    }

    /** The file's name of each of {@code network}'s tensors, in {@link Architecture#tensors()} order, for export. */
    abstract List<String> exportNames(Architecture network);

    /**
     * The file's name of each of {@code network}'s tensors, in {@link Architecture#tensors()} order, for import from
     * {@code file}; a name may be absent from the file (the caller reports it).
     */
    abstract List<String> importNames(Architecture network, SafetensorsFile file) throws WeightFileException;

    private static final class Automatic extends TensorMapping {

        static final Automatic INSTANCE = new Automatic();

        @Override
        List<String> exportNames(Architecture network) {
            return (network.isChain() ? Sequential.INSTANCE : LayerNames.INSTANCE).exportNames(network);
        }

        @Override
        TensorMapping forImport(Architecture network, SafetensorsFile file) {
            boolean sequential = network.isChain()
                    && !SequentialNames.linearIndices(file.names()).isEmpty();
            return sequential ? Sequential.INSTANCE : LayerNames.INSTANCE;
        }

        @Override
        List<String> importNames(Architecture network, SafetensorsFile file) throws WeightFileException {
            return forImport(network, file).importNames(network, file);
        }

        @Override
        public String toString() {
            return "automatic (nn.Sequential names for a chain of dense layers, layer names otherwise)";
        }
    }

    private static final class Sequential extends TensorMapping {

        static final Sequential INSTANCE = new Sequential();

        @Override
        List<String> exportNames(Architecture network) {
            if (!network.isChain()) {
                throw new IllegalArgumentException("network " + network.network()
                        + " is not a chain of dense layers, which is all an nn.Sequential of Linear layers can"
                        + " express; use TensorMapping.layerNames() or modules(...)");
            }
            Map<String, Long> indices = new LinkedHashMap<>();
            long index = 0;
            for (Layer layer : network.denseLayers()) {
                indices.put(layer.name(), index);
                index += 1
                        + (layer.activation().equals(Activation.LINEAR.yamlName()) ? 0 : 1)
                        + (layer.dropout() > 0 ? 1 : 0);
            }
            return names(network, indices);
        }

        @Override
        List<String> importNames(Architecture network, SafetensorsFile file) throws WeightFileException {
            List<Long> linear = SequentialNames.linearIndices(file.names());
            List<Layer> dense = network.denseLayers();
            if (linear.size() != dense.size()) {
                throw new WeightFileException(
                        Problem.ARCHITECTURE_MISMATCH,
                        file.file(),
                        null,
                        String.format(
                                Locale.ROOT,
                                "the file has %d Linear layers (weights %s), network %s has %d dense layers %s"
                                        + "\nthe file's tensors:\n%s\nthe network loading it:\n%s",
                                linear.size(),
                                linear.stream().map(SequentialNames::weight).toList(),
                                network.network(),
                                dense.size(),
                                dense.stream().map(Layer::name).toList(),
                                file.describe(),
                                network.describe()));
            }
            Map<String, Long> indices = new LinkedHashMap<>();
            for (int i = 0; i < dense.size(); i++) {
                indices.put(dense.get(i).name(), linear.get(i));
            }
            return names(network, indices);
        }

        private static List<String> names(Architecture network, Map<String, Long> indices) {
            List<String> names = new ArrayList<>();
            for (Tensor tensor : network.tensors()) {
                long index = indices.get(tensor.layer());
                names.add(
                        tensor.name().endsWith(".weight")
                                ? SequentialNames.weight(index)
                                : SequentialNames.bias(index));
            }
            return names;
        }

        @Override
        public String toString() {
            return "nn.Sequential names (0.weight, 0.bias, 2.weight, ...)";
        }
    }

    private static final class LayerNames extends TensorMapping {

        static final LayerNames INSTANCE = new LayerNames();

        @Override
        List<String> exportNames(Architecture network) {
            return network.tensors().stream().map(Tensor::name).toList();
        }

        @Override
        List<String> importNames(Architecture network, SafetensorsFile file) {
            return exportNames(network);
        }

        @Override
        public String toString() {
            return "layer names (<layer>.weight, <layer>.bias)";
        }
    }

    private static final class Modules extends TensorMapping {

        private final Map<String, String> modules;

        Modules(Map<String, String> layerToModule) {
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, String> entry : layerToModule.entrySet()) {
                if (entry.getValue().isEmpty() || !seen.add(entry.getValue())) {
                    throw new IllegalArgumentException("layer " + entry.getKey() + " is mapped to the module '"
                            + entry.getValue() + "', which is empty or used for another layer");
                }
            }
            this.modules = Map.copyOf(layerToModule);
        }

        @Override
        List<String> exportNames(Architecture network) {
            Set<String> dense = new TreeSet<>(
                    network.denseLayers().stream().map(Layer::name).toList());
            for (String layer : modules.keySet()) {
                if (!dense.contains(layer)) {
                    throw new IllegalArgumentException("the mapping names layer '" + layer + "', which network "
                            + network.network() + " does not have as a dense layer; "
                            + Suggestions.didYouMean(layer, dense));
                }
            }
            List<String> unmapped =
                    dense.stream().filter(layer -> !modules.containsKey(layer)).toList();
            if (!unmapped.isEmpty()) {
                throw new IllegalArgumentException(
                        "the mapping does not name a module for the dense layers " + unmapped);
            }
            List<String> names = new ArrayList<>();
            for (Tensor tensor : network.tensors()) {
                String suffix = tensor.name().substring(tensor.layer().length());
                names.add(modules.get(tensor.layer()) + suffix);
            }
            return names;
        }

        @Override
        List<String> importNames(Architecture network, SafetensorsFile file) {
            return exportNames(network);
        }

        @Override
        public String toString() {
            return "modules " + new TreeMap<>(modules);
        }
    }
}
