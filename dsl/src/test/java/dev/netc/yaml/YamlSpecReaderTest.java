package dev.netc.yaml;

import static dev.netc.yaml.YamlTesting.readClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.Optimizer.Kind;
import dev.netc.spec.AddSpec;
import dev.netc.spec.ConcatSpec;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.Positions;
import dev.netc.spec.diag.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Valid specs read to exactly the {@link NetworkSpec} built in code, with the positions of what was written. */
class YamlSpecReaderTest {

    private static final String IRIS =
            """
            network: IrisNet
            package: com.example.iris
            input: [sepal_length, sepal_width, petal_length, petal_width]
            classes: [setosa, versicolor, virginica]
            layers:
              - {dense: 8, activation: tanh}
              - {dense: 8, activation: relu}
              - {dense: 3, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {sgd: {learning_rate: 0.01}}
            """;

    @Test
    void readsTheSequentialForm() {
        NetworkSpec expected = new NetworkSpec(
                "IrisNet",
                "com.example.iris",
                new InputSpec(4, List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), Positions.NONE),
                List.of(
                        DenseSpec.of("dense1", 8, Activation.TANH),
                        DenseSpec.of("dense2", 8, Activation.RELU),
                        DenseSpec.of("dense3", 3, Activation.SOFTMAX)),
                Loss.CATEGORICAL_CROSSENTROPY,
                Optional.of(OptimizerSpec.defaults(Kind.SGD).with(OptimizerSpec.LEARNING_RATE, 0.01)),
                List.of("setosa", "versicolor", "virginica"),
                Positions.NONE);

        assertEquals(expected, readClean(IRIS));
    }

    @Test
    void readsTheGraphFormWithEveryLayerAttribute() {
        NetworkSpec spec = readClean(
                """
                network: Merged
                package: com.example.merged
                input: 6
                layers:
                  - {dense: 8, activation: relu, name: left, init: he_uniform, use_bias: false, l2: 0.001, dropout: 0.25}
                  - {dense: 8, activation: tanh, name: right, inputs: input}
                  - {add: [left, right]}
                  - {concat: [add1, right], name: both}
                  - {dense: 3, activation: softmax, inputs: both}
                loss: sparse_categorical_crossentropy
                """);

        List<LayerSpec> expected = List.of(
                new DenseSpec(
                        "left", List.of(), 8, Activation.RELU, Init.HE_UNIFORM, false, 0.001, 0.25, Positions.NONE),
                DenseSpec.of("right", 8, Activation.TANH).withInputs(List.of("input")),
                new AddSpec("add1", List.of("left", "right"), Positions.NONE),
                new ConcatSpec("both", List.of("add1", "right"), Positions.NONE),
                DenseSpec.of("dense3", 3, Activation.SOFTMAX).withInputs(List.of("both")));
        assertEquals(expected, spec.layers());
        assertEquals(InputSpec.of(6), spec.input());
        assertEquals(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, spec.loss());
        assertEquals(Optional.empty(), spec.optimizer());
        assertEquals(List.of(), spec.classes());
    }

    @Test
    void namesUnnamedLayersByKindAndIndexCountingNamedOnes() {
        NetworkSpec spec = readClean(
                """
                network: Names
                package: p
                input: 2
                layers:
                  - {dense: 4, name: first}
                  - {dense: 4}
                  - {concat: [first, dense2]}
                  - {add: [concat1, concat1]}
                  - {concat: [add1, add1], name: joined}
                  - {concat: [joined, joined]}
                  - {dense: 1}
                loss: mean_squared_error
                """);

        assertEquals(
                List.of("first", "dense2", "concat1", "add1", "joined", "concat3", "dense3"),
                spec.layers().stream().map(LayerSpec::name).toList());
    }

    @Test
    void trainingStatesEpochsAndBatchSizeWhereWritten() {
        NetworkSpec both = readClean(IRIS + "training: {epochs: 500, batch_size: 1}\n");
        NetworkSpec epochsOnly = readClean(IRIS + "training: {epochs: 20}\n");

        TrainingSpec training = both.training().orElseThrow();
        assertEquals(List.of(OptionalInt.of(500), OptionalInt.of(1)), List.of(training.epochs(), training.batchSize()));
        assertEquals("spec.yaml:11:11", where(both.positions().of(NetworkSpec.TRAINING)));
        assertEquals("spec.yaml:11:20", where(training.positions().of(TrainingSpec.EPOCHS)));
        assertEquals("spec.yaml:11:37", where(training.positions().of(TrainingSpec.BATCH_SIZE)));
        assertEquals(Optional.of(TrainingSpec.NONE.withEpochs(20)), epochsOnly.training());
        assertEquals(Optional.empty(), readClean(IRIS).training());
    }

    @Test
    void aBareOptimizerTakesItsDefaults() {
        NetworkSpec spec = readClean(IRIS.replace("{sgd: {learning_rate: 0.01}}", "adamw"));

        assertEquals(Optional.of(OptimizerSpec.defaults(Kind.ADAMW)), spec.optimizer());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyOptionOfEveryOptimizerIsRead(Kind kind) {
        List<String> options = OptimizerSpec.options(kind);
        StringBuilder written = new StringBuilder();
        OptimizerSpec expected = OptimizerSpec.defaults(kind);
        for (int i = 0; i < options.size(); i++) {
            double value = 0.125 * (i + 1);
            written.append(i == 0 ? "" : ", ")
                    .append(options.get(i))
                    .append(": ")
                    .append(value);
            expected = expected.with(options.get(i), value);
        }
        String optimizer = String.format(Locale.ROOT, "{%s: {%s}}", kind.yamlName(), written);

        NetworkSpec spec = readClean(IRIS.replace("{sgd: {learning_rate: 0.01}}", optimizer));

        assertEquals(Optional.of(expected), spec.optimizer());
        assertFalse(options.isEmpty(), "options of " + kind);
    }

    @Test
    void numbersAndBooleansFollowTheStrictGrammar() {
        NetworkSpec spec = readClean(
                """
                network: Numbers
                package: p
                input: 1
                layers:
                  - {dense: 1, l2: 0, dropout: 0.5, use_bias: true}
                  - {dense: 1, l2: 2.5E+2, dropout: -1e-3, use_bias: false}
                  - {dense: 2147483647, l2: -0.0}
                loss: mean_absolute_error
                optimizer: {momentum: {learning_rate: 1e-2, momentum: 0.95}}
                """);

        DenseSpec first = (DenseSpec) spec.layers().get(0);
        DenseSpec second = (DenseSpec) spec.layers().get(1);
        DenseSpec third = (DenseSpec) spec.layers().get(2);
        assertEquals(List.of(0.0, 0.5, true), List.of(first.l2(), first.dropout(), first.useBias()));
        assertEquals(List.of(250.0, -0.001, false), List.of(second.l2(), second.dropout(), second.useBias()));
        assertEquals(Integer.MAX_VALUE, third.units());
        assertEquals(
                OptimizerSpec.defaults(Kind.MOMENTUM)
                        .with(OptimizerSpec.LEARNING_RATE, 0.01)
                        .with(OptimizerSpec.MOMENTUM, 0.95),
                spec.optimizer().orElseThrow());
    }

    @Test
    void quotedNamesAndBlockStyleReadLikeFlowStyle() {
        String block =
                """
                "network": 'IrisNet'
                package: "com.example.iris"
                input:
                  - sepal_length
                  - sepal_width
                  - petal_length
                  - petal_width
                classes:
                  - setosa
                  - versicolor
                  - virginica
                layers:
                  - dense: 8
                    activation: tanh
                  - dense: 8
                    activation: "relu"
                  - activation: softmax
                    dense: 3
                loss: categorical_crossentropy
                optimizer:
                  sgd:
                    learning_rate: 0.01
                """;

        assertEquals(readClean(IRIS), readClean(block));
    }

    @Test
    void wordsThatYaml11ReadsAsBooleansOrNumbersAreNames() {
        NetworkSpec spec = readClean(IRIS.replace("[setosa, versicolor, virginica]", "[yes, no, 1_0]"));

        assertEquals(List.of("yes", "no", "1_0"), spec.classes());
    }

    @Test
    void positionsPointAtEachValue() {
        NetworkSpec spec = readClean(IRIS);
        LayerSpec first = spec.layers().get(0);
        OptimizerSpec optimizer = spec.optimizer().orElseThrow();

        assertEquals("spec.yaml:1:1", where(spec.positions().node()));
        assertEquals("spec.yaml:1:10", where(spec.positions().of(NetworkSpec.NAME)));
        assertEquals("spec.yaml:3:8", where(spec.positions().of(NetworkSpec.INPUT)));
        assertEquals("spec.yaml:3:36", where(spec.input().positions().of("features.2")));
        assertEquals("spec.yaml:4:19", where(spec.positions().of("classes.1")));
        assertEquals("spec.yaml:9:7", where(spec.positions().of(NetworkSpec.LOSS)));
        assertEquals("spec.yaml:6:5", where(first.positions().node()));
        assertEquals("spec.yaml:6:13", where(first.positions().of(DenseSpec.UNITS)));
        assertEquals("spec.yaml:6:28", where(first.positions().of(DenseSpec.ACTIVATION)));
        assertEquals("spec.yaml:10:12", where(spec.positions().of(NetworkSpec.OPTIMIZER)));
        assertEquals("spec.yaml:10:13", where(optimizer.positions().node()));
        assertEquals("spec.yaml:10:34", where(optimizer.positions().of(OptimizerSpec.LEARNING_RATE)));
    }

    @Test
    void attributesLeftAtTheirDefaultAreBlamedOnTheirLayer() {
        LayerSpec first = readClean(IRIS).layers().get(0);

        assertFalse(first.positions().has(DenseSpec.INIT));
        assertTrue(first.positions().has(DenseSpec.ACTIVATION));
        assertEquals("spec.yaml:6:5", where(first.positions().of(DenseSpec.INIT)));
    }

    @Test
    void inputsArePositionedOneByOne() {
        NetworkSpec spec = readClean(
                """
                network: Graph
                package: p
                input: 2
                layers:
                  - {dense: 2, name: a}
                  - {dense: 2, name: b}
                  - {add: [a, b]}
                  - {dense: 1, inputs: add1}
                loss: mean_squared_error
                """);

        Positions add = spec.layers().get(2).positions();
        assertEquals("spec.yaml:7:11", where(add.of(LayerSpec.INPUTS)));
        assertEquals("spec.yaml:7:15", where(add.of("inputs.1")));
        assertEquals("spec.yaml:8:24", where(spec.layers().get(3).positions().of("inputs.0")));
    }

    @Test
    void linesEndingInCarriageReturnsKeepTheirNumbers() {
        NetworkSpec spec = readClean(IRIS.replace("\n", "\r\n"));

        assertEquals(readClean(IRIS), spec);
        assertEquals("spec.yaml:6:28", where(spec.layers().get(0).positions().of(DenseSpec.ACTIVATION)));
    }

    @Test
    void aByteOrderMarkIsNotAColumn() {
        NetworkSpec spec = readClean("\uFEFF" + IRIS);

        assertEquals("spec.yaml:1:10", where(spec.positions().of(NetworkSpec.NAME)));
    }

    @Test
    void readsAFileUnderItsDisplayPath(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("iris.yaml");
        Files.writeString(file, IRIS, StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();

        NetworkSpec spec =
                YamlSpecReader.read(file, "specs/iris.yaml", diagnostics).orElseThrow();

        assertEquals("", diagnostics.toString());
        assertEquals(readClean(IRIS), spec);
        assertEquals(
                "specs/iris.yaml:6:13", where(spec.layers().get(0).positions().of(DenseSpec.UNITS)));
    }

    private static String where(SourcePosition position) {
        return position.describe();
    }
}
