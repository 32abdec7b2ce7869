package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.netc.check.SpecValidator;
import dev.netc.processor.read.JavaSignature;
import dev.netc.processor.read.JavaSignature.Output;
import dev.netc.processor.read.TypeRef;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed networks, written once as annotated interfaces and once as YAML ({@code src/test/resources/seeds}), are
 * the same network once checked. Positions take no part in the comparison, by design.
 */
class SeedNetworksAgreementTest {

    private static final String PACKAGE = "com.example.seeds";

    private static final JavaFileObject XOR = JavaFileObjects.forSourceLines(
            PACKAGE + ".Xor",
            "package com.example.seeds;",
            "",
            "import dev.netc.*;",
            "",
            "@Network(loss = Loss.BINARY_CROSSENTROPY)",
            "@Optimizer(value = Optimizer.Kind.SGD, learningRate = 0.03)",
            "interface Xor {",
            "    @Dense(units = 2, activation = Activation.SIGMOID)",
            "    @Dense(units = 1, activation = Activation.SIGMOID)",
            "    boolean predict(XorInput in);",
            "",
            "    record XorInput(float x, float y, float xy) {}",
            "}");

    private static final JavaFileObject IRIS_FEATURES = JavaFileObjects.forSourceLines(
            PACKAGE + ".IrisFeatures",
            "package com.example.seeds;",
            "",
            "record IrisFeatures(float sepalLength, float sepalWidth, float petalLength, float petalWidth) {}");

    private static final JavaFileObject SPECIES = JavaFileObjects.forSourceLines(
            PACKAGE + ".Species", "package com.example.seeds;", "", "enum Species { SETOSA, VERSICOLOR, VIRGINICA }");

    private static final JavaFileObject IRIS = JavaFileObjects.forSourceLines(
            PACKAGE + ".Iris",
            "package com.example.seeds;",
            "",
            "import dev.netc.*;",
            "",
            "@Network(loss = Loss.CATEGORICAL_CROSSENTROPY)",
            "@Optimizer(value = Optimizer.Kind.SGD, learningRate = 0.01)",
            "interface Iris {",
            "    @Dense(units = 8, activation = Activation.TANH)",
            "    @Dense(units = 8, activation = Activation.RELU)",
            "    @Dense(units = 3, activation = Activation.SOFTMAX)",
            "    Species predict(IrisFeatures features);",
            "}");

    private static final JavaFileObject IRIS_GRAPH = JavaFileObjects.forSourceLines(
            PACKAGE + ".IrisGraph",
            "package com.example.seeds;",
            "",
            "import dev.netc.*;",
            "",
            "@Network(loss = Loss.CATEGORICAL_CROSSENTROPY)",
            "@Optimizer(value = Optimizer.Kind.SGD, learningRate = 0.01)",
            "interface IrisGraph {",
            "    @Dense(name = \"species\", units = 3, activation = Activation.SOFTMAX, inputs = \"hidden2\")",
            "    @Dense(name = \"hidden2\", units = 8, activation = Activation.RELU, inputs = \"hidden1\")",
            "    @Dense(name = \"hidden1\", units = 8, activation = Activation.TANH, inputs = \"input\")",
            "    Species predict(IrisFeatures features);",
            "}");

    private static final JavaFileObject BLOBS = JavaFileObjects.forSourceLines(
            PACKAGE + ".Blobs",
            "package com.example.seeds;",
            "",
            "import dev.netc.*;",
            "",
            "@Network(loss = Loss.BINARY_CROSSENTROPY, inputSize = 2)",
            "interface Blobs {",
            "    @Dense(units = 10, activation = Activation.SIGMOID)",
            "    @Dense(units = 5, activation = Activation.SIGMOID)",
            "    @Dense(units = 3, activation = Activation.SIGMOID)",
            "    @Dense(units = 1, activation = Activation.SIGMOID)",
            "    float predict(float[] point);",
            "}");

    private static final JavaFileObject DIGITS = JavaFileObjects.forSourceLines(
            PACKAGE + ".Digits",
            "package com.example.seeds;",
            "",
            "import dev.netc.*;",
            "",
            "@Network(name = \"DigitsNet\", loss = Loss.CATEGORICAL_CROSSENTROPY, inputSize = 784)",
            "@Optimizer(value = Optimizer.Kind.SGD, learningRate = 0.001)",
            "interface Digits {",
            "    @Dense(units = 512, activation = Activation.RELU, init = Init.HE_NORMAL)",
            "    @Dense(units = 256, activation = Activation.RELU, init = Init.HE_NORMAL)",
            "    @Dense(units = 128, activation = Activation.RELU, init = Init.HE_NORMAL)",
            "    @Dense(units = 10, activation = Activation.SOFTMAX, init = Init.HE_NORMAL)",
            "    int predict(float[] pixels);",
            "}");

    /** Generated class name and YAML file of each seed. */
    private static final Map<String, String> SEEDS = Map.of(
            "XorNet", "xor.yaml",
            "IrisNet", "iris.yaml",
            "IrisGraphNet", "iris-graph.yaml",
            "BlobsNet", "blobs.yaml",
            "DigitsNet", "digits.yaml");

    private static Compilation compilation;
    private static Map<String, ReadyNetwork> annotated;

    @BeforeAll
    static void compileTheAnnotatedForms() {
        List<ReadyNetwork> generated = new ArrayList<>();
        compilation =
                NetcCompiler.compile(generated::add, XOR, IRIS_FEATURES, SPECIES, IRIS, IRIS_GRAPH, BLOBS, DIGITS);
        annotated = generated.stream()
                .collect(Collectors.toMap(ready -> ready.network().spec().name(), Function.identity()));
    }

    static Stream<String> seeds() {
        return SEEDS.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void annotatedAndYamlFormsAreTheSameCheckedNetwork(String className) {
        CheckedNetwork fromYaml = checkedFromYaml(SEEDS.get(className));

        assertThat(annotated).containsKey(className);
        assertThat(annotated.get(className).network()).isEqualTo(fromYaml);
    }

    @Test
    void everySeedCompilesCleanAndIsCompared() {
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(annotated.keySet()).containsExactlyElementsIn(SEEDS.keySet());
        assertThat(seeds().count()).isEqualTo(5);
    }

    @Test
    void signaturesDescribeTheJavaSide() {
        JavaSignature xor = annotated.get("XorNet").signature();
        JavaSignature iris = annotated.get("IrisNet").signature();
        JavaSignature digits = annotated.get("DigitsNet").signature();

        assertThat(xor)
                .isEqualTo(new JavaSignature(
                        TypeRef.of(PACKAGE, "Xor"),
                        "predict",
                        "in",
                        Optional.of(TypeRef.of(PACKAGE, "Xor", "XorInput")),
                        List.of("float", "float", "float"),
                        Output.BOOLEAN,
                        Optional.empty()));
        assertThat(iris.output()).isEqualTo(Output.ENUM);
        assertThat(iris.outputEnum()).isEqualTo(Optional.of(TypeRef.of(PACKAGE, "Species")));
        assertThat(iris.inputRecord()).isEqualTo(Optional.of(TypeRef.of(PACKAGE, "IrisFeatures")));
        assertThat(digits.inputRecord()).isEqualTo(Optional.empty());
        assertThat(digits.componentTypes()).isEmpty();
        assertThat(digits.output()).isEqualTo(Output.INT);
        assertThat(annotated.get("BlobsNet").signature().output()).isEqualTo(Output.FLOAT);
    }

    private static CheckedNetwork checkedFromYaml(String file) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<NetworkSpec> spec = YamlSpecReader.read(resource("seeds/" + file), file, diagnostics);
        Optional<CheckedNetwork> checked = spec.flatMap(s -> SpecValidator.validate(s, diagnostics));
        assertThat(diagnostics.all()).isEmpty();
        return checked.orElseThrow();
    }

    private static byte[] resource(String name) {
        try (InputStream in = SeedNetworksAgreementTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
