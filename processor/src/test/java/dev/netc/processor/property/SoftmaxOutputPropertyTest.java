package dev.netc.processor.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated softmax and sigmoid outputs on random inputs up to +-1e4 (logits far past where exp overflows in float):
 * softmax rows sum to 1 and hold no NaN; the cross-entropies stay finite when probabilities saturate at 0 and 1; and
 * the fused softmax + categorical cross-entropy gradient with respect to the output bias is the batch mean of {@code
 * p - y}.
 */
class SoftmaxOutputPropertyTest {

    private static final int CASES = 40;
    private static final int BATCH = 6;
    private static final int CLASSES = 5;

    private static final CheckedNetwork CATEGORICAL = CompiledNetworks.checked(
            """
            network: SoftmaxOut
            package: dev.netc.property
            input: 5
            layers:
              - {dense: 5, activation: softmax}
            loss: categorical_crossentropy
            """);
    private static final CheckedNetwork BINARY = CompiledNetworks.checked(
            """
            network: SigmoidOut
            package: dev.netc.property
            input: 5
            layers:
              - {dense: 1, activation: sigmoid}
            loss: binary_crossentropy
            """);
    private static TrainableNetwork categorical;
    private static TrainableNetwork binary;
    private static int checked;

    static List<Integer> seeds() {
        return IntStream.range(0, CASES).boxed().toList();
    }

    @BeforeAll
    static void compile() {
        CompiledNetworks compiled = CompiledNetworks.compile(List.of(CATEGORICAL, BINARY), List.of(256, 0));
        categorical = compiled.instance(CATEGORICAL);
        binary = compiled.instance(BINARY);
    }

    @AfterAll
    static void everyCaseRan() {
        assertEquals(CASES, checked, "cases checked");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void softmaxRowsSumToOneAndTheCrossEntropiesStayFinite(int seed) {
        Random random = new Random(seed);
        double scale = Math.pow(10, random.nextInt(5)); // 1 .. 1e4
        // identity weights, so the logits are the inputs themselves
        float[] parameters = new float[categorical.parameterCount()];
        for (int i = 0; i < CLASSES; i++) {
            parameters[i * CLASSES + i] = 1;
        }
        float[] inputs = new float[BATCH * CLASSES];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        float[] p = new float[BATCH * CLASSES];
        categorical.predictBatch(parameters, inputs, BATCH, p);
        for (int s = 0; s < BATCH; s++) {
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                float value = p[s * CLASSES + c];
                assertTrue(value >= 0 && value <= 1, "probability " + value + " at scale " + scale);
                sum += value;
            }
            assertEquals(1, sum, 1e-6, "row " + s + " at scale " + scale);
        }

        float[] targets = new float[BATCH * CLASSES];
        for (int s = 0; s < BATCH; s++) {
            targets[s * CLASSES + random.nextInt(CLASSES)] = 1;
        }
        float[] gradient = new float[parameters.length];
        float loss = categorical.lossAndGradient(parameters, inputs, targets, BATCH, gradient);
        assertTrue(Float.isFinite(loss), "categorical loss " + loss + " at scale " + scale);
        int bias = (int) CATEGORICAL.layout().of("dense1").bias();
        for (int c = 0; c < CLASSES; c++) {
            double mean = 0;
            for (int s = 0; s < BATCH; s++) {
                mean += (double) p[s * CLASSES + c] - targets[s * CLASSES + c];
            }
            mean /= BATCH;
            assertEquals(mean, gradient[bias + c], 1e-6, "d loss / d bias[" + c + "] = mean(p - y)");
        }

        float[] binaryParameters = new float[binary.parameterCount()];
        binaryParameters[random.nextInt(CLASSES)] = 1;
        float[] labels = new float[BATCH];
        for (int s = 0; s < BATCH; s++) {
            labels[s] = random.nextBoolean() ? 1 : 0;
        }
        float[] binaryGradient = new float[binaryParameters.length];
        float binaryLoss = binary.lossAndGradient(binaryParameters, inputs, labels, BATCH, binaryGradient);
        assertTrue(Float.isFinite(binaryLoss), "binary loss " + binaryLoss + " at scale " + scale);
        for (float g : binaryGradient) {
            assertTrue(Float.isFinite(g), "binary gradient " + g + " at scale " + scale);
        }
        checked++;
    }
}
