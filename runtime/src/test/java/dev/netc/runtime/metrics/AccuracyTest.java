package dev.netc.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Accuracy against hand-counted cases: categorical (class indices and one-hot), binary, and Keras' automatic choice. */
class AccuracyTest {

    /** Four samples of three outputs: argmax 1, 0 (a tie between 0 and 2 goes to the first), 2, 2. */
    private static final float[] OUTPUTS = {
        0.2f, 0.7f, 0.1f,
        0.4f, 0.2f, 0.4f,
        0.1f, 0.1f, 0.8f,
        0.3f, 0.3f, 0.4f
    };

    @Test
    void categoricalAccuracyComparesTheLargestOutputWithTheClassIndex() {
        Metric.Accumulator accuracy = Metric.categoricalAccuracy().accumulator(3, 1);
        accuracy.add(OUTPUTS, new float[] {1, 0, 1, 2}, 4); // right, right (tie), wrong, right

        assertEquals(0.75, accuracy.value());
    }

    @Test
    void categoricalAccuracyReadsOneHotTargetsByTheirLargestValue() {
        Metric.Accumulator accuracy = Metric.accuracy().accumulator(3, 3);
        accuracy.add(OUTPUTS, new float[] {0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0}, 4); // right, wrong, right, wrong
        accuracy.add(new float[] {0.9f, 0.05f, 0.05f}, new float[] {1, 0, 0}, 1); // a second batch: right

        assertEquals(3 / 5.0, accuracy.value());
    }

    @Test
    void binaryAccuracyThresholdsEachOutputAtOneHalf() {
        Metric.Accumulator accuracy = Metric.accuracy().accumulator(1, 1);
        accuracy.add(new float[] {0.9f, 0.5f, 0.51f, 0.1f, 0.2f}, new float[] {1, 0, 0, 0, 1}, 5);

        assertEquals(3 / 5.0, accuracy.value(), "0.5 predicts 0; 0.51 predicts 1; 0.2 misses a 1");
    }

    @Test
    void binaryAccuracyOfSeveralOutputsCountsEveryValue() {
        Metric.Accumulator accuracy = Metric.binaryAccuracy().accumulator(2, 2);
        accuracy.add(new float[] {0.9f, 0.1f, 0.6f, 0.7f}, new float[] {1, 1, 0, 1}, 2);

        assertEquals(0.5, accuracy.value());
    }

    @Test
    void nothingCountedIsNaN() {
        assertTrue(Double.isNaN(Metric.accuracy().accumulator(3, 1).value()));
        assertEquals("accuracy", Metric.binaryAccuracy().name());
        assertTrue(Metric.categoricalAccuracy().higherIsBetter());
    }

    @Test
    void targetsOfTheWrongShapeAreRefused() {
        assertEquals(
                "categorical accuracy: expected targets of 3 values per sample (one per output) or 1 (the class"
                        + " index), found 2",
                assertThrows(IllegalArgumentException.class, () -> Metric.accuracy()
                                .accumulator(3, 2))
                        .getMessage());
        assertEquals(
                "categorical accuracy: expected a network with at least 2 outputs (one per class), found 1; binary"
                        + " accuracy measures a single output",
                assertThrows(IllegalArgumentException.class, () -> Metric.categoricalAccuracy()
                                .accumulator(1, 1))
                        .getMessage());
        Metric.Accumulator accuracy = Metric.accuracy().accumulator(3, 1);
        assertEquals(
                "targets[0]: expected a class index from 0 to 2, found 3.0",
                assertThrows(IllegalArgumentException.class, () -> accuracy.add(OUTPUTS, new float[] {3}, 1))
                        .getMessage());
    }
}
