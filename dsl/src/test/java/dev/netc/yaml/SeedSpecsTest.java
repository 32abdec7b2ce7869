package dev.netc.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.Optimizer.Kind;
import dev.netc.check.SpecValidator;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.Positions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed networks as YAML ({@code src/test/resources/valid}) read to exactly the specs built here in code, and
 * validate cleanly; the graph form of Iris validates to the same network as the sequential form.
 */
class SeedSpecsTest {

    /** Each seed file and the spec it describes. */
    private static final Map<String, NetworkSpec> SEEDS = new TreeMap<>(Map.of(
            "xor.yaml", xor(),
            "iris.yaml", iris(),
            "iris-graph.yaml", irisGraph(),
            "blobs.yaml", blobs(),
            "digits.yaml", digits()));

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void readsToTheSpecBuiltInCodeAndValidates(String name) throws URISyntaxException {
        Diagnostics diagnostics = new Diagnostics();

        NetworkSpec spec = read(name, diagnostics);
        Optional<CheckedNetwork> checked = SpecValidator.validate(spec, diagnostics);

        assertEquals("", diagnostics.toString());
        assertEquals(SEEDS.get(name), spec);
        assertEquals(spec.layers().size(), checked.orElseThrow().layers().size());
    }

    @Test
    void everySeedFileIsCovered() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            List<String> names =
                    files.map(file -> file.getFileName().toString()).sorted().toList();
            assertEquals(List.copyOf(SEEDS.keySet()), names);
        }
    }

    @Test
    void theGraphFormOfIrisValidatesToTheSequentialForm() throws URISyntaxException {
        Diagnostics diagnostics = new Diagnostics();

        CheckedNetwork sequential = SpecValidator.validate(read("iris.yaml", diagnostics), diagnostics)
                .orElseThrow();
        CheckedNetwork graph = SpecValidator.validate(read("iris-graph.yaml", diagnostics), diagnostics)
                .orElseThrow();

        assertEquals("", diagnostics.toString());
        assertEquals(sequential, graph);
        assertEquals(sequential.layout(), graph.layout());
    }

    static Stream<String> seeds() {
        return SEEDS.keySet().stream();
    }

    private static NetworkSpec read(String name, Diagnostics diagnostics) throws URISyntaxException {
        return YamlSpecReader.read(folder().resolve(name), "valid/" + name, diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.toString()));
    }

    private static Path folder() throws URISyntaxException {
        URL folder = SeedSpecsTest.class.getClassLoader().getResource("valid");
        assertNotNull(folder, "test resource folder valid");
        return Path.of(folder.toURI());
    }

    private static NetworkSpec xor() {
        return new NetworkSpec(
                "XorNet",
                "com.example.xor",
                new InputSpec(3, List.of("x", "y", "xy"), Positions.NONE),
                List.of(DenseSpec.of("dense1", 2, Activation.SIGMOID), DenseSpec.of("dense2", 1, Activation.SIGMOID)),
                Loss.BINARY_CROSSENTROPY,
                sgd(0.03),
                List.of(),
                Positions.NONE);
    }

    private static NetworkSpec iris() {
        return irisWith(List.of(
                DenseSpec.of("dense1", 8, Activation.TANH),
                DenseSpec.of("dense2", 8, Activation.RELU),
                DenseSpec.of("dense3", 3, Activation.SOFTMAX)));
    }

    private static NetworkSpec irisGraph() {
        return irisWith(List.of(
                DenseSpec.of("dense3", 3, Activation.SOFTMAX).withInputs(List.of("dense2")),
                DenseSpec.of("dense1", 8, Activation.TANH).withInputs(List.of(InputSpec.NAME)),
                DenseSpec.of("dense2", 8, Activation.RELU).withInputs(List.of("dense1"))));
    }

    private static NetworkSpec irisWith(List<LayerSpec> layers) {
        return new NetworkSpec(
                "IrisNet",
                "com.example.iris",
                new InputSpec(4, List.of("sepalLength", "sepalWidth", "petalLength", "petalWidth"), Positions.NONE),
                layers,
                Loss.CATEGORICAL_CROSSENTROPY,
                sgd(0.01),
                List.of("SETOSA", "VERSICOLOR", "VIRGINICA"),
                Positions.NONE);
    }

    private static NetworkSpec blobs() {
        return new NetworkSpec(
                "BlobsNet",
                "com.example.blobs",
                InputSpec.of(2),
                List.of(
                        DenseSpec.of("dense1", 10, Activation.SIGMOID),
                        DenseSpec.of("dense2", 5, Activation.SIGMOID),
                        DenseSpec.of("dense3", 3, Activation.SIGMOID),
                        DenseSpec.of("dense4", 1, Activation.SIGMOID)),
                Loss.BINARY_CROSSENTROPY,
                sgd(0.01),
                List.of(),
                Positions.NONE);
    }

    private static NetworkSpec digits() {
        return new NetworkSpec(
                "DigitsNet",
                "com.example.digits",
                InputSpec.of(784),
                List.of(
                        heNormal("dense1", 512, Activation.RELU),
                        heNormal("dense2", 256, Activation.RELU),
                        heNormal("dense3", 128, Activation.RELU),
                        heNormal("dense4", 10, Activation.SOFTMAX)),
                Loss.CATEGORICAL_CROSSENTROPY,
                sgd(0.001),
                List.of(),
                Positions.NONE);
    }

    private static DenseSpec heNormal(String name, int units, Activation activation) {
        return new DenseSpec(name, List.of(), units, activation, Init.HE_NORMAL, true, 0, 0, Positions.NONE);
    }

    private static Optional<OptimizerSpec> sgd(double learningRate) {
        return Optional.of(OptimizerSpec.defaults(Kind.SGD).with(OptimizerSpec.LEARNING_RATE, learningRate));
    }
}
