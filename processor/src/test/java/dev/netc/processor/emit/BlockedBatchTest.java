package dev.netc.processor.emit;

import static dev.netc.processor.emit.GeneratedNetworks.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.netc.Loss;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.reference.ReferenceNetwork;
import dev.netc.spec.CheckedNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch methods walk their samples in blocks of {@link EmitOptions#BLOCK_ROWS}, the last one partial, so every
 * count must give what the samples give one by one. For counts around the block size (1, a block less one, a block, a
 * block and one, three blocks and five), on sequential and graph networks, looped (through the kernels) and unrolled:
 *
 * <ul>
 *   <li>{@code predictBatch} agrees with {@code predict} of each sample and with the double-precision reference;
 *   <li>{@code lossAndGradient} agrees with the reference, and with the mean of each sample's own loss and gradient,
 *       which no blocking can change: the blocks only reorder the sum.
 * </ul>
 *
 * Tolerances are the agreement test's, outputs and losses {@value #OUTPUT_TOLERANCE} and gradients {@value
 * #GRADIENT_TOLERANCE}, relative; near zero they are absolute: {@value #OUTPUT_FLOOR} times the output tolerance (an
 * output here sums up to 40 terms of order 1, whose float rounding is about 1e-7 each), and a hundredth of the largest
 * gradient times the gradient tolerance, as in the agreement test.
 */
class BlockedBatchTest {

    private static final double OUTPUT_TOLERANCE = GeneratedCodeAgreementTest.OUTPUT_TOLERANCE;
    private static final double GRADIENT_TOLERANCE = GeneratedCodeAgreementTest.GRADIENT_TOLERANCE;
    private static final double OUTPUT_FLOOR = 0.1;
    private static final int BLOCK = EmitOptions.BLOCK_ROWS;
    private static final List<Integer> COUNTS = List.of(1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 5);

    /** A network and the unroll limit it is generated with. */
    record Case(String name, int unrollLimit, String yaml) {
        @Override
        public String toString() {
            return name;
        }

        CheckedNetwork network() {
            return GeneratedNetworks.checked(String.format(Locale.ROOT, yaml, "Blocked_" + name));
        }
    }

    private static final String CHAIN =
            """
            network: %s
            package: dev.netc.generated
            input: 7
            layers:
              - {dense: 40, activation: relu}
              - {dense: 9, activation: tanh, l2: 0.01}
              - {dense: 4, activation: softmax}
            loss: sparse_categorical_crossentropy
            """;

    private static final String GRAPH =
            """
            network: %s
            package: dev.netc.generated
            input: [a, b, c]
            layers:
              - {dense: 4, activation: tanh, name: left}
              - {dense: 3, activation: sigmoid, name: right, inputs: input}
              - {concat: [left, right], name: both}
              - {dense: 30, activation: relu, name: wide, inputs: both}
              - {dense: 30, activation: elu, name: other, inputs: left}
              - {add: [wide, other], name: sum}
              - {dense: 2, activation: linear, name: out, inputs: sum, use_bias: false}
            loss: mean_squared_error
            """;

    /**
     * A layer read three times ({@code h}: by {@code a}, {@code b} and the concat), an add of two looped layers,
     * and a concat of the network input: the backward pass writes {@code h}'s gradient at its first reader and adds at
     * the others, looped layers through the workspace's scratch block.
     */
    private static final String SHARED =
            """
            network: %s
            package: dev.netc.generated
            input: 5
            layers:
              - {dense: 12, activation: gelu, name: h}
              - {dense: 6, activation: leaky_relu, name: a, inputs: h}
              - {dense: 6, activation: softplus, name: b, inputs: h}
              - {add: [a, b], name: s}
              - {concat: [input, s, h], name: c}
              - {dense: 1, activation: sigmoid, name: out, inputs: c}
            loss: binary_crossentropy
            """;

    private static final List<Case> CASES = List.of(
            new Case("chain_looped", 0, CHAIN),
            new Case("chain_unrolled", EmitOptions.DEFAULT_UNROLL_LIMIT, CHAIN),
            new Case("graph_mixed", 40, GRAPH),
            new Case("shared_looped", 0, SHARED),
            new Case("shared_unrolled", EmitOptions.DEFAULT_UNROLL_LIMIT, SHARED));

    private static ClassLoader loader;
    private static int compared;

    static Stream<Object[]> comparisons() {
        return CASES.stream().flatMap(c -> COUNTS.stream().map(count -> new Object[] {c, count}));
    }

    @BeforeAll
    static void generateAndCompile() {
        List<JavaFile> files = new ArrayList<>();
        for (Case c : CASES) {
            files.add(NetworkClassEmitter.emit(
                    c.network(), EmitOptions.of("test " + c.name()).withUnrollLimit(c.unrollLimit())));
        }
        loader = GeneratedNetworks.load(GeneratedNetworks.compile(files));
    }

    @AfterAll
    static void everyCaseAndCountWasCompared() {
        assertEquals(CASES.size() * COUNTS.size(), compared, "comparisons made");
    }

    @Test
    void theCasesCoverLoopedUnrolledAndMixedLayers() {
        List<String> codes = new ArrayList<>();
        for (Case c : CASES) {
            EmitPlan plan = EmitPlan.of(c.network(), EmitOptions.of("test").withUnrollLimit(c.unrollLimit()));
            plan.layers().stream()
                    .filter(LayerPlan::isDense)
                    .forEach(layer -> codes.add(c.name() + ":" + (layer.unrolled() ? "unrolled" : "looped")));
            if (c.name().equals("shared_looped")) {
                assertTrue(plan.widestAddingLoopedLayer().isPresent(), "shared_looped adds through the scratch block");
            }
        }
        assertTrue(codes.contains("graph_mixed:unrolled") && codes.contains("graph_mixed:looped"), codes::toString);
        assertTrue(codes.contains("chain_looped:looped") && !codes.contains("chain_looped:unrolled"), codes::toString);
        assertTrue(codes.contains("chain_unrolled:unrolled"), codes::toString);
    }

    @ParameterizedTest(name = "{0}, {1} samples")
    @MethodSource("comparisons")
    void anyCountAgreesWithTheSamplesOneByOneAndWithTheReference(Case c, int count) {
        CheckedNetwork network = c.network();
        TrainableNetwork generated =
                GeneratedNetworks.instance(loader, network.spec().qualifiedName());
        int in = network.inputSize();
        int out = network.outputSize();
        Random random = new Random(31L * c.name().hashCode() + count);
        float[] parameters = new float[generated.parameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = (float) (random.nextGaussian() * 0.5);
        }
        float[] inputs = gaussian(random, count * in);
        float[] targets = targets(network, random, count);
        int width = targets.length / count;
        ReferenceNetwork reference = new ReferenceNetwork(network, parameters);

        float[] outputs = new float[count * out];
        generated.predictBatch(parameters, inputs, count, outputs);
        double[][] expected = reference.forward(rows(inputs, in));
        float[] output = new float[out];
        for (int s = 0; s < count; s++) {
            generated.predict(parameters, Arrays.copyOfRange(inputs, s * in, (s + 1) * in), output);
            for (int o = 0; o < out; o++) {
                String where = "sample " + s + " of " + count + ", output " + o;
                assertClose(output[o], outputs[s * out + o], OUTPUT_TOLERANCE, OUTPUT_FLOOR, where + " (one by one)");
                assertClose(
                        expected[s][o], outputs[s * out + o], OUTPUT_TOLERANCE, OUTPUT_FLOOR, where + " (reference)");
            }
        }

        float[] gradient = new float[parameters.length];
        Arrays.fill(gradient, Float.NaN);
        float loss = generated.lossAndGradient(parameters, inputs, targets, count, gradient);
        double[][] targetRows = rows(targets, width);
        assertClose(
                reference.loss(rows(inputs, in), targetRows), loss, OUTPUT_TOLERANCE, OUTPUT_FLOOR, "loss (reference)");
        double[] expectedGradient = reference.backward(rows(inputs, in), targetRows);
        double largest = Arrays.stream(expectedGradient).map(Math::abs).max().orElse(0);
        assertTrue(largest > 0, "the reference gradient is not all zero");

        double[] meanGradient = new double[parameters.length];
        double meanLoss = 0;
        float[] sampleGradient = new float[parameters.length];
        for (int s = 0; s < count; s++) {
            meanLoss += generated.lossAndGradient(
                    parameters,
                    Arrays.copyOfRange(inputs, s * in, (s + 1) * in),
                    Arrays.copyOfRange(targets, s * width, (s + 1) * width),
                    1,
                    sampleGradient);
            for (int i = 0; i < sampleGradient.length; i++) {
                meanGradient[i] += sampleGradient[i];
            }
        }
        assertClose(meanLoss / count, loss, OUTPUT_TOLERANCE, OUTPUT_FLOOR, "loss (mean of the samples')");
        for (int i = 0; i < gradient.length; i++) {
            assertClose(
                    expectedGradient[i],
                    gradient[i],
                    GRADIENT_TOLERANCE,
                    largest * 1e-2,
                    "gradient[" + i + "] (reference)");
            assertClose(
                    meanGradient[i] / count,
                    gradient[i],
                    GRADIENT_TOLERANCE,
                    largest * 1e-2,
                    "gradient[" + i + "] (mean of the samples')");
        }
        compared++;
    }

    @Test
    void aBadClassIndexInALaterBlockNamesItsSample() {
        CheckedNetwork network = CASES.get(0).network();
        TrainableNetwork generated =
                GeneratedNetworks.instance(loader, network.spec().qualifiedName());
        int count = BLOCK + 7;
        float[] targets = new float[count];
        targets[BLOCK + 3] = 4f;

        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> generated.lossAndGradient(
                        generated.initialParameters(1L),
                        new float[count * network.inputSize()],
                        targets,
                        count,
                        new float[generated.parameterCount()]));

        assertEquals("targets[" + (BLOCK + 3) + "]: expected a class index from 0 to 3, found 4.0", error.getMessage());
    }

    private static float[] targets(CheckedNetwork network, Random random, int count) {
        Loss loss = network.spec().loss();
        int outputs = network.outputSize();
        if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
            float[] targets = new float[count];
            for (int s = 0; s < count; s++) {
                targets[s] = random.nextInt(outputs);
            }
            return targets;
        }
        float[] targets = new float[count * outputs];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = loss == Loss.BINARY_CROSSENTROPY ? random.nextInt(2) : (float) random.nextGaussian();
        }
        return targets;
    }

    private static float[] gaussian(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /**
     * {@code |actual - expected| <= tolerance * max(|expected|, floor)}: relative, and absolute near zero, where a
     * value is the small difference of larger terms and float rounding of those terms dominates.
     */
    private static void assertClose(double expected, double actual, double tolerance, double floor, String what) {
        double bound = tolerance * Math.max(Math.abs(expected), floor);
        assertTrue(
                Math.abs(actual - expected) <= bound,
                () -> String.format(
                        Locale.ROOT, "%s: expected %.9g, found %.9g (tolerance %.3g)", what, expected, actual, bound));
    }
}
