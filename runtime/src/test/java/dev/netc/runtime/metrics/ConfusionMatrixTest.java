package dev.netc.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.Network;
import dev.netc.runtime.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counts, precision, recall and F1 against a hand-worked three-class example. */
class ConfusionMatrixTest {

    private static final List<String> NAMES = List.of("cat", "dog", "fox");

    /**
     * Actual cat, cat, cat, dog, dog, fox; predicted cat, dog, cat, dog, cat, dog. So cat: 2 right of 3, predicted 3
     * times; dog: 1 right of 2, predicted 3 times; fox: never right, never predicted.
     */
    private static ConfusionMatrix example() {
        float[] outputs = new float[6 * 3];
        int[] predicted = {0, 1, 0, 1, 0, 1};
        for (int s = 0; s < 6; s++) {
            outputs[3 * s + predicted[s]] = 1f;
        }
        return ConfusionMatrix.of(NAMES, outputs, 3, new float[] {0, 0, 0, 1, 1, 2}, 1, 6);
    }

    @Test
    void countsActualAgainstPredicted() {
        ConfusionMatrix matrix = example();

        assertEquals(2, matrix.count(0, 0));
        assertEquals(1, matrix.count(0, 1));
        assertEquals(1, matrix.count(1, 0));
        assertEquals(1, matrix.count(2, 1));
        assertEquals(6, matrix.total());
        assertEquals(3, matrix.support(0));
        assertEquals(3, matrix.predictedCount(1));
        assertEquals(3 / 6.0, matrix.accuracy());
    }

    @Test
    void precisionRecallAndF1PerClass() {
        ConfusionMatrix matrix = example();

        assertEquals(2 / 3.0, matrix.precision(0));
        assertEquals(2 / 3.0, matrix.recall(0));
        assertEquals(2 / 3.0, matrix.f1(0));
        assertEquals(1 / 3.0, matrix.precision(1));
        assertEquals(1 / 2.0, matrix.recall(1));
        assertEquals(2 * (1 / 3.0) * (1 / 2.0) / (1 / 3.0 + 1 / 2.0), matrix.f1(1), 1e-15);
        assertTrue(Double.isNaN(matrix.precision(2)), "fox was never predicted");
        assertEquals(0.0, matrix.recall(2));
        assertEquals(0.0, matrix.f1(2));
    }

    @Test
    void printsTheTableAndThePerClassFigures() {
        assertEquals(
                """
                actual \\ predicted       cat       dog       fox
                cat                        2         1         0
                dog                        1         1         0
                fox                        0         1         0

                class              precision    recall        f1   support
                cat                   0.6667    0.6667    0.6667         3
                dog                   0.3333    0.5000    0.4000         2
                fox                      n/a    0.0000    0.0000         1
                accuracy              0.5000
                """,
                example().toString());
    }

    @Test
    void aSingleOutputIsTwoClasses() {
        ConfusionMatrix matrix = ConfusionMatrix.of(
                List.of("no", "yes"), new float[] {0.9f, 0.2f, 0.7f, 0.4f}, 1, new float[] {1, 0, 0, 1}, 1, 4);

        assertEquals(1, matrix.count(1, 1));
        assertEquals(1, matrix.count(0, 0));
        assertEquals(1, matrix.count(0, 1));
        assertEquals(1, matrix.count(1, 0));
    }

    @Test
    void measuresANetworkOnADataSetByItsClassNames() {
        Network sign = new Network() {
            @Override
            public int inputSize() {
                return 1;
            }

            @Override
            public int outputSize() {
                return 2;
            }

            @Override
            public int parameterCount() {
                return 0;
            }

            @Override
            public void predict(float[] parameters, float[] input, float[] output) {
                predictBatch(parameters, input, 1, output);
            }

            @Override
            public void predictBatch(float[] parameters, float[] inputs, int count, float[] outputs) {
                for (int s = 0; s < count; s++) {
                    outputs[2 * s] = -inputs[s];
                    outputs[2 * s + 1] = inputs[s];
                }
            }
        };
        int samples = 600; // more than one chunk
        float[] features = new float[samples];
        float[] labels = new float[samples];
        for (int s = 0; s < samples; s++) {
            features[s] = s % 3 == 0 ? -1 : 1;
            labels[s] = s % 2;
        }
        Dataset data = Dataset.ofClasses(features, new int[] {1}, labels, List.of("negative", "positive"));

        ConfusionMatrix matrix = ConfusionMatrix.of(sign, new float[0], data);

        assertEquals(List.of("negative", "positive"), matrix.classNames());
        assertEquals(samples, matrix.total());
        assertEquals(100, matrix.count(0, 0)); // even s divisible by 3: s % 6 == 0
        assertEquals(200, matrix.count(0, 1));
        assertEquals(100, matrix.count(1, 0)); // odd s divisible by 3: s % 6 == 3
        assertEquals(200, matrix.count(1, 1));
    }

    @Test
    void classNamesMustMatchTheClasses() {
        assertEquals(
                "classNames: expected 3 names (one per class), found 2",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ConfusionMatrix.of(List.of("a", "b"), new float[3], 3, new float[1], 1, 1))
                        .getMessage());
    }
}
