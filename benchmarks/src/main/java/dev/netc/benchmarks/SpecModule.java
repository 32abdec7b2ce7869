package dev.netc.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A module of ten YAML specs for {@link ProcessorCostBenchmark}, from the XOR network to the digits network: small
 * networks whose layers are all unrolled, large ones whose layers are all loops, and some with both, so that the
 * processor's time covers both code shapes.
 */
final class SpecModule {

    /** One spec: a name, the input size, and per dense layer its units and activation. */
    private record Spec(String name, int inputs, String loss, List<Layer> layers) {}

    private record Layer(int units, String activation) {}

    /** The ten networks, smallest first. */
    private static final List<Spec> SPECS = List.of(
            new Spec("Xor", 2, "binary_crossentropy", List.of(new Layer(4, "tanh"), new Layer(1, "sigmoid"))),
            new Spec(
                    "Iris",
                    4,
                    "categorical_crossentropy",
                    List.of(new Layer(8, "tanh"), new Layer(8, "relu"), new Layer(3, "softmax"))),
            new Spec("Dense16x15", 16, "mean_squared_error", List.of(new Layer(15, "relu"))),
            new Spec(
                    "Regression",
                    8,
                    "mean_squared_error",
                    List.of(new Layer(16, "relu"), new Layer(16, "relu"), new Layer(1, "linear"))),
            new Spec(
                    "Wine",
                    13,
                    "categorical_crossentropy",
                    List.of(new Layer(32, "relu"), new Layer(16, "tanh"), new Layer(3, "softmax"))),
            new Spec(
                    "Sonar",
                    60,
                    "binary_crossentropy",
                    List.of(new Layer(60, "relu"), new Layer(30, "relu"), new Layer(1, "sigmoid"))),
            new Spec(
                    "SmallDigits",
                    64,
                    "categorical_crossentropy",
                    List.of(new Layer(64, "relu"), new Layer(32, "relu"), new Layer(10, "softmax"))),
            new Spec(
                    "Features",
                    100,
                    "categorical_crossentropy",
                    List.of(new Layer(128, "relu"), new Layer(64, "relu"), new Layer(5, "softmax"))),
            new Spec(
                    "Mnist",
                    784,
                    "categorical_crossentropy",
                    List.of(new Layer(128, "relu"), new Layer(10, "softmax"))),
            new Spec(
                    "Digits",
                    784,
                    "categorical_crossentropy",
                    List.of(
                            new Layer(512, "relu"),
                            new Layer(256, "relu"),
                            new Layer(128, "relu"),
                            new Layer(10, "softmax"))));

    private SpecModule() {}

    /** The number of specs {@link #writeTo} writes. */
    static int size() {
        return SPECS.size();
    }

    /** Writes each spec to {@code directory} as {@code <name>.yaml}. */
    static void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Spec spec : SPECS) {
            Files.writeString(
                    directory.resolve(spec.name().toLowerCase(Locale.ROOT) + ".yaml"),
                    yaml(spec),
                    StandardCharsets.UTF_8);
        }
    }

    private static String yaml(Spec spec) {
        String layers = spec.layers().stream()
                .map(layer -> "  - {dense: " + layer.units() + ", activation: " + layer.activation() + "}\n")
                .collect(Collectors.joining());
        return "network: " + spec.name() + "Net\n"
                + "package: dev.netc.benchmarks.module\n"
                + "input: " + spec.inputs() + "\n"
                + "layers:\n" + layers
                + "loss: " + spec.loss() + "\n";
    }
}
