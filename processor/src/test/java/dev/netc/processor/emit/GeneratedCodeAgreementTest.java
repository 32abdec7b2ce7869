package dev.netc.processor.emit;

import static dev.netc.processor.emit.GeneratedNetworks.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.reference.ReferenceNetwork;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated classes against the double-precision reference, for every activation, every loss, concat and add graphs,
 * L2, dropout (with and without a step's seed) and layers without bias, each in unrolled and in looped form, on random
 * seeded parameters and batches: outputs within {@value #OUTPUT_TOLERANCE} and gradients within {@value
 * #GRADIENT_TOLERANCE}, relative (with an absolute floor of the same size times the largest gradient, for elements that
 * are nearly zero by cancellation).
 */
class GeneratedCodeAgreementTest {

    static final double OUTPUT_TOLERANCE = 1e-5;
    static final double GRADIENT_TOLERANCE = 1e-4;
    private static final int BATCH = 5;
    private static final String PACKAGE = "dev.netc.generated";

    /** A spec to compare, by name. */
    record Case(String name, String yaml) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Case> CASES = cases();
    private static final List<String> MODES = List.of("unrolled", "looped");
    private static ClassLoader loader;
    private static int compared;
    private static int comparedWithDropout;

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            if (activation != Activation.SOFTMAX) {
                cases.add(sequential(
                        "hidden_" + activation.yamlName(),
                        3,
                        activation.yamlName() + "}",
                        "linear",
                        2,
                        "mean_squared_error"));
            }
        }
        cases.add(sequential("output_softmax_mse", 3, "tanh}", "softmax", 3, "mean_squared_error"));
        cases.add(sequential("output_tanh_mae", 3, "relu}", "tanh", 2, "mean_absolute_error"));
        cases.add(sequential("binary_crossentropy", 3, "tanh}", "sigmoid", 1, "binary_crossentropy"));
        cases.add(sequential("categorical_softmax", 4, "tanh}", "softmax", 3, "categorical_crossentropy"));
        cases.add(sequential("categorical_logits", 4, "gelu}", "linear", 3, "categorical_crossentropy"));
        cases.add(sequential("sparse_softmax", 4, "tanh}", "softmax", 3, "sparse_categorical_crossentropy"));
        cases.add(sequential("sparse_logits", 4, "softplus}", "linear", 3, "sparse_categorical_crossentropy"));
        cases.add(sequential(
                "l2_and_no_bias",
                3,
                "tanh, l2: 0.01, use_bias: false, dropout: 0.2}",
                "linear",
                2,
                "mean_squared_error"));
        cases.add(
                new Case(
                        "concat_and_add",
                        """
                network: %s
                package: dev.netc.generated
                input: [a, b, c]
                layers:
                  - {dense: 4, activation: tanh, name: left}
                  - {dense: 3, activation: sigmoid, name: right, inputs: input}
                  - {concat: [left, right], name: both}
                  - {dense: 5, activation: relu, name: wide, inputs: both}
                  - {dense: 5, activation: elu, name: other, inputs: left}
                  - {add: [wide, other], name: sum}
                  - {dense: 2, activation: linear, name: out, inputs: sum, l2: 0.001}
                loss: mean_squared_error
                """));
        cases.add(sequential("dropout_tanh", 3, "tanh, dropout: 0.3}", "linear", 2, "mean_squared_error"));
        cases.add(sequential("dropout_gelu", 4, "gelu, dropout: 0.5}", "softmax", 3, "categorical_crossentropy"));
        cases.add(
                new Case(
                        "dropout_into_merges",
                        """
                network: %s
                package: dev.netc.generated
                input: 3
                layers:
                  - {dense: 4, activation: relu, name: left, dropout: 0.25}
                  - {dense: 3, activation: sigmoid, name: right, inputs: input, dropout: 0.5}
                  - {concat: [left, right], name: both}
                  - {dense: 4, activation: tanh, name: wide, inputs: both, dropout: 0.1}
                  - {dense: 4, activation: elu, name: other, inputs: left}
                  - {add: [wide, other], name: sum}
                  - {dense: 1, activation: sigmoid, name: out, inputs: sum}
                loss: binary_crossentropy
                """));
        cases.add(
                new Case(
                        "concat_of_the_input",
                        """
                network: %s
                package: dev.netc.generated
                input: 3
                layers:
                  - {dense: 2, activation: tanh, name: h}
                  - {concat: [input, h], name: skip}
                  - {dense: 3, activation: softmax, name: out, inputs: skip}
                loss: categorical_crossentropy
                """));
        return cases;
    }

    private static Case sequential(String name, int inputs, String hidden, String output, int units, String loss) {
        return new Case(
                name,
                String.format(
                        Locale.ROOT,
                        """
                network: %%s
                package: dev.netc.generated
                input: %d
                layers:
                  - {dense: 4, activation: %s
                  - {dense: 4, activation: %s
                  - {dense: %d, activation: %s}
                loss: %s
                """,
                        inputs,
                        hidden,
                        hidden,
                        units,
                        output,
                        loss));
    }

    static Stream<Object[]> comparisons() {
        return CASES.stream().flatMap(c -> MODES.stream().map(mode -> new Object[] {c, mode}));
    }

    @BeforeAll
    static void generateAndCompileEveryCase() {
        List<JavaFile> files = new ArrayList<>();
        for (Case c : CASES) {
            for (String mode : MODES) {
                CheckedNetwork network = network(c, mode);
                int limit = mode.equals("looped") ? 0 : EmitOptions.DEFAULT_UNROLL_LIMIT;
                files.add(NetworkClassEmitter.emit(
                        network, EmitOptions.of("test " + c.name()).withUnrollLimit(limit)));
            }
        }
        loader = GeneratedNetworks.load(GeneratedNetworks.compile(files));
    }

    @AfterAll
    static void everyCaseWasCompared() {
        assertEquals(2 * (Activation.values().length - 1 + 13), compared, "comparisons made");
        assertEquals(2 * 4, comparedWithDropout, "comparisons made with dropout");
        assertEquals(2 * CASES.size(), compared);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("comparisons")
    void outputsLossAndGradientsAgreeWithTheReference(Case c, String mode) {
        CheckedNetwork network = network(c, mode);
        TrainableNetwork generated =
                GeneratedNetworks.instance(loader, network.spec().qualifiedName());
        Random random = new Random(c.name().hashCode() * 31L + mode.hashCode());
        float[] parameters = new float[generated.parameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = (float) (random.nextGaussian() * 0.7);
        }
        float[] inputs = new float[BATCH * network.inputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextGaussian();
        }
        float[] targets = targets(network, random);
        ReferenceNetwork reference = new ReferenceNetwork(network, parameters);

        float[] outputs = new float[BATCH * network.outputSize()];
        generated.predictBatch(parameters, inputs, BATCH, outputs);
        double[][] expected = reference.forward(rows(inputs, network.inputSize()));
        for (int s = 0; s < BATCH; s++) {
            for (int o = 0; o < network.outputSize(); o++) {
                assertClose(
                        expected[s][o],
                        outputs[s * network.outputSize() + o],
                        OUTPUT_TOLERANCE,
                        1,
                        "output " + s + "," + o);
            }
        }

        float[] gradient = new float[parameters.length];
        java.util.Arrays.fill(gradient, Float.NaN); // must be overwritten
        float loss = generated.lossAndGradient(parameters, inputs, targets, BATCH, gradient);
        double[][] targetRows = rows(targets, targets.length / BATCH);
        assertClose(reference.loss(rows(inputs, network.inputSize()), targetRows), loss, OUTPUT_TOLERANCE, 1, "loss");
        assertGradientClose(reference.backward(rows(inputs, network.inputSize()), targetRows), gradient, "");
        if (hasDropout(network)) {
            long seed = random.nextLong();
            float dropped = generated.lossAndGradient(parameters, inputs, targets, BATCH, gradient, seed);
            double[][] batch = rows(inputs, network.inputSize());
            double expectedLoss = reference.loss(batch, targetRows, seed);
            assertNotEquals(reference.loss(batch, targetRows), expectedLoss, "dropout changes the loss");
            assertClose(expectedLoss, dropped, OUTPUT_TOLERANCE, 1, "loss with dropout");
            assertGradientClose(reference.backward(batch, targetRows, seed), gradient, "with dropout");
            comparedWithDropout++;
        }
        compared++;
    }

    private static void assertGradientClose(double[] expected, float[] actual, String what) {
        double largest = 0;
        for (double g : expected) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertTrue(largest > 0, "the reference gradient is not all zero " + what);
        for (int i = 0; i < actual.length; i++) {
            assertClose(expected[i], actual[i], GRADIENT_TOLERANCE, largest, "gradient[" + i + "] " + what);
        }
    }

    private static boolean hasDropout(CheckedNetwork network) {
        return network.layers().stream().anyMatch(layer -> layer instanceof DenseSpec dense && dense.dropout() > 0);
    }

    private static CheckedNetwork network(Case c, String mode) {
        String className = "Case_" + c.name() + "_" + mode;
        return GeneratedNetworks.checked(String.format(Locale.ROOT, c.yaml(), className));
    }

    private static float[] targets(CheckedNetwork network, Random random) {
        Loss loss = network.spec().loss();
        int outputs = network.outputSize();
        if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
            float[] targets = new float[BATCH];
            for (int s = 0; s < BATCH; s++) {
                targets[s] = random.nextInt(outputs);
            }
            return targets;
        }
        float[] targets = new float[BATCH * outputs];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = switch (loss) {
                case BINARY_CROSSENTROPY -> random.nextBoolean() ? 1f : 0f;
                    // probabilities that need not sum to one: the sum(t) form of the gradient is exercised
                case CATEGORICAL_CROSSENTROPY -> random.nextFloat();
                default -> (float) random.nextGaussian();
            };
        }
        return targets;
    }

    /** {@code |actual - expected| <= tolerance * max(|expected|, floor)}; floor is the scale of the values. */
    private static void assertClose(double expected, double actual, double tolerance, double scale, String what) {
        double bound = tolerance * Math.max(Math.abs(expected), tolerance * scale);
        assertTrue(
                Math.abs(actual - expected) <= bound || Math.abs(actual - expected) <= tolerance * 1e-2 * scale,
                String.format(
                        Locale.ROOT, "%s: expected %.9g, found %.9g (tolerance %.3g)", what, expected, actual, bound));
    }
}
