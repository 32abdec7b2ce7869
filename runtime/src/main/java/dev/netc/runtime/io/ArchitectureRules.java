package dev.netc.runtime.io;

import dev.netc.runtime.io.Architecture.Layer;
import dev.netc.spec.InputSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a list of layers a network whose parameters can be laid out: unique names, inputs that are earlier
 * layers (or the network input), dense layers reading one input of their fan-in, merges reading at least two inputs
 * whose sizes add up (concat) or agree (add), positive sizes, and no more parameters than one float array holds.
 */
final class ArchitectureRules {

    private ArchitectureRules() {}

    /** The first rule the layers break, as a message naming the layer; empty when they form a network. */
    static Optional<String> problem(int inputSize, List<Layer> layers) {
        if (inputSize < 1 || layers.isEmpty()) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "expected an input size and layers, found %d and %d layers",
                    inputSize,
                    layers.size()));
        }
        Map<String, Integer> sizes = new HashMap<>();
        sizes.put(InputSpec.NAME, inputSize);
        long parameters = 0;
        for (Layer layer : layers) {
            String problem = problem(layer, sizes);
            if (problem != null) {
                return Optional.of("layer '" + layer.name() + "': " + problem);
            }
            sizes.put(layer.name(), layer.size());
            if (layer.isDense()) {
                parameters += (long) layer.size() * layer.inputSize() + (layer.bias() ? layer.size() : 0);
            }
        }
        if (parameters > Integer.MAX_VALUE) {
            return Optional.of(parameters + " parameters do not fit one float array");
        }
        return Optional.empty();
    }

    private static String problem(Layer layer, Map<String, Integer> sizes) {
        if (sizes.containsKey(layer.name())) {
            return "the name is used twice";
        }
        if (layer.size() < 1 || layer.inputs().isEmpty()) {
            return "expected a positive size and at least one input";
        }
        long total = 0;
        for (String input : layer.inputs()) {
            Integer size = sizes.get(input);
            if (size == null) {
                return "reads '" + input + "', which is not an earlier layer";
            }
            total += size;
        }
        int first = sizes.get(layer.inputs().get(0));
        boolean merge = layer.inputs().size() > 1 && !layer.bias() && layer.inputSize() == layer.size();
        return switch (layer.kind()) {
            case Architecture.DENSE -> layer.inputs().size() == 1 && layer.inputSize() == first
                    ? null
                    : String.format(
                            Locale.ROOT,
                            "a dense layer reads one layer of its fan-in %d, found %s of size %d",
                            layer.inputSize(),
                            layer.inputs(),
                            total);
            case "concat" -> merge && layer.size() == total
                    ? null
                    : "a concat reads two or more layers, has no bias, and its size is the sum of theirs, " + total
                            + "; found size " + layer.size();
            case "add" -> merge
                            && layer.size() == first
                            && layer.inputs().stream().allMatch(input -> sizes.get(input) == first)
                    ? null
                    : "an add reads two or more layers of one size and has that size, no bias; found size "
                            + layer.size();
            default -> "expected the kind dense, concat or add, found '" + layer.kind() + "'";
        };
    }
}
