package dev.netc.processor.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Loss;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.reference.ReferenceNetwork;
import dev.netc.spec.CheckedNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For {@value #NETWORKS} random architectures ({@link RandomArchitecture}), unrolled or looped at random, the generated
 * class agrees with the double-precision reference on random parameters and batches, within the tolerances of the
 * fixed agreement test: outputs and loss {@value #OUTPUT_TOLERANCE}, gradients {@value #GRADIENT_TOLERANCE}, relative
 * (with the same absolute floors scaled by the largest value).
 */
class ReferenceAgreementPropertyTest {

    static final int NETWORKS = 30;
    static final double OUTPUT_TOLERANCE = 1e-5;
    static final double GRADIENT_TOLERANCE = 1e-4;
    private static final int BATCH = 4;

    private static final List<RandomArchitecture> ARCHITECTURES =
            IntStream.range(0, NETWORKS).mapToObj(RandomArchitecture::draw).toList();
    private static final List<CheckedNetwork> CHECKED = new ArrayList<>();
    private static CompiledNetworks compiled;
    private static int compared;

    static List<Integer> seeds() {
        return IntStream.range(0, NETWORKS).boxed().toList();
    }

    @BeforeAll
    static void compileEveryArchitecture() {
        ARCHITECTURES.forEach(a -> CHECKED.add(CompiledNetworks.checked(a.yaml())));
        compiled = CompiledNetworks.compile(
                CHECKED,
                ARCHITECTURES.stream().map(RandomArchitecture::unrollLimit).toList());
    }

    @AfterAll
    static void everyArchitectureWasCompared() {
        assertEquals(NETWORKS, compared, "random architectures compared");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedCodeAgreesWithTheReference(int seed) {
        RandomArchitecture architecture = ARCHITECTURES.get(seed);
        CheckedNetwork network = CHECKED.get(seed);
        String where = architecture.yaml() + "unroll limit " + architecture.unrollLimit() + ": ";
        TrainableNetwork generated = compiled.instance(network);
        Random random = new Random(seed);
        float[] parameters = new float[generated.parameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = (float) (random.nextGaussian() * 0.6);
        }
        float[] inputs = new float[BATCH * network.inputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextGaussian();
        }
        float[] targets = targets(network, random);
        ReferenceNetwork reference = new ReferenceNetwork(network, parameters);
        double[][] inputRows = rows(inputs, network.inputSize());
        double[][] targetRows = rows(targets, targets.length / BATCH);

        float[] outputs = new float[BATCH * network.outputSize()];
        generated.predictBatch(parameters, inputs, BATCH, outputs);
        double[][] expected = reference.forward(inputRows);
        for (int s = 0; s < BATCH; s++) {
            for (int o = 0; o < network.outputSize(); o++) {
                assertClose(
                        expected[s][o],
                        outputs[s * network.outputSize() + o],
                        OUTPUT_TOLERANCE,
                        1,
                        where + "output " + s + "," + o);
            }
        }

        float[] gradient = new float[parameters.length];
        Arrays.fill(gradient, Float.NaN);
        float loss = generated.lossAndGradient(parameters, inputs, targets, BATCH, gradient);
        assertClose(reference.loss(inputRows, targetRows), loss, OUTPUT_TOLERANCE, 1, where + "loss");
        double[] expectedGradient = reference.backward(inputRows, targetRows);
        double largest = Arrays.stream(expectedGradient).map(Math::abs).max().orElse(0);
        for (int i = 0; i < gradient.length; i++) {
            assertClose(expectedGradient[i], gradient[i], GRADIENT_TOLERANCE, largest, where + "gradient[" + i + "]");
        }
        compared++;
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
                case CATEGORICAL_CROSSENTROPY -> random.nextFloat();
                default -> (float) random.nextGaussian();
            };
        }
        return targets;
    }

    private static double[][] rows(float[] values, int width) {
        double[][] rows = new double[values.length / width][width];
        for (int i = 0; i < values.length; i++) {
            rows[i / width][i % width] = values[i];
        }
        return rows;
    }

    /** As the fixed agreement test: relative, with a floor of {@code tolerance * scale} for near-zero values. */
    private static void assertClose(double expected, double actual, double tolerance, double scale, String what) {
        double bound = tolerance * Math.max(Math.abs(expected), tolerance * scale);
        assertTrue(
                Math.abs(actual - expected) <= bound || Math.abs(actual - expected) <= tolerance * 1e-2 * scale,
                () -> String.format(
                        Locale.ROOT, "%s: expected %.9g, found %.9g (tolerance %.3g)", what, expected, actual, bound));
    }
}
