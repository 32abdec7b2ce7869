package dev.netc.runtime.reference;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.spec.AddSpec;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.ConcatSpec;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Positions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Builds checked networks for tests directly, as the validator would: layers in evaluation order with their inputs
 * named, and every size worked out here.
 */
final class Networks {

    private Networks() {}

    /** A dense layer reading {@code input}, with Glorot init and no dropout. */
    static DenseSpec dense(String name, String input, int units, Activation activation, boolean useBias, double l2) {
        return new DenseSpec(
                name, List.of(input), units, activation, Init.GLOROT_UNIFORM, useBias, l2, 0, Positions.NONE);
    }

    /** A dense layer reading {@code input}, with a bias, no L2 and no dropout. */
    static DenseSpec dense(String name, String input, int units, Activation activation) {
        return dense(name, input, units, activation, true, 0);
    }

    /** {@code layer} with dropout at {@code rate}. */
    static DenseSpec withDropout(DenseSpec layer, double rate) {
        return new DenseSpec(
                layer.name(),
                layer.inputs(),
                layer.units(),
                layer.activation(),
                layer.init(),
                layer.useBias(),
                layer.l2(),
                rate,
                layer.positions());
    }

    static ConcatSpec concat(String name, String... inputs) {
        return new ConcatSpec(name, List.of(inputs), Positions.NONE);
    }

    static AddSpec add(String name, String... inputs) {
        return new AddSpec(name, List.of(inputs), Positions.NONE);
    }

    /** Dense layers {@code dense1, dense2, ...} of the given widths and activations, each reading the one before. */
    static CheckedNetwork sequential(Loss loss, int inputSize, int[] units, List<Activation> activations) {
        List<LayerSpec> layers = new ArrayList<>();
        String previous = InputSpec.NAME;
        for (int i = 0; i < units.length; i++) {
            String name = "dense" + (i + 1);
            layers.add(dense(name, previous, units[i], activations.get(i)));
            previous = name;
        }
        return graph(loss, inputSize, layers);
    }

    /** A network of {@code layers}, given in evaluation order with explicit inputs; the last is the output. */
    static CheckedNetwork graph(Loss loss, int inputSize, List<LayerSpec> layers) {
        Map<String, Integer> sizes = new HashMap<>();
        sizes.put(InputSpec.NAME, inputSize);
        for (LayerSpec layer : layers) {
            int size;
            if (layer instanceof DenseSpec dense) {
                size = dense.units();
            } else if (layer instanceof ConcatSpec) {
                size = layer.inputs().stream().mapToInt(sizes::get).sum();
            } else {
                size = sizes.get(layer.inputs().get(0));
            }
            sizes.put(layer.name(), size);
        }
        NetworkSpec spec = new NetworkSpec(
                "TestNet",
                "dev.netc.test",
                InputSpec.of(inputSize),
                layers,
                loss,
                Optional.empty(),
                List.of(),
                Positions.NONE);
        return new CheckedNetwork(spec, sizes);
    }

    /** Parameters drawn from a normal distribution scaled by {@code 1/sqrt(fan-in)}, so activations stay near 1. */
    static double[] randomParameters(CheckedNetwork network, Random random) {
        double[] parameters = new double[Math.toIntExact(network.layout().count())];
        for (var entry : network.layout().layers()) {
            double scale = 1.0 / Math.sqrt(entry.inputs());
            for (long i = entry.weights(); i < entry.weights() + entry.weightCount(); i++) {
                parameters[(int) i] = scale * random.nextGaussian();
            }
            if (entry.bias() >= 0) {
                for (long i = entry.bias(); i < entry.bias() + entry.units(); i++) {
                    parameters[(int) i] = 0.5 * random.nextGaussian();
                }
            }
        }
        return parameters;
    }

    /** {@code rows} rows of {@code columns} standard normal values. */
    static double[][] gaussianRows(int rows, int columns, Random random) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int i = 0; i < columns; i++) {
                row[i] = random.nextGaussian();
            }
        }
        return values;
    }
}
