package dev.netc.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Mean squared and absolute error over every output value, against hand-computed sums. */
class MeanErrorTest {

    private static final float[] OUTPUTS = {1.5f, -2f, 0f, 4f};
    private static final float[] TARGETS = {1f, 1f, 0.25f, 4f};

    @Test
    void meanSquaredErrorAveragesOverEveryOutputValue() {
        Metric.Accumulator error = Metric.meanSquaredError().accumulator(2, 2);
        error.add(OUTPUTS, TARGETS, 2);

        assertEquals((0.25 + 9 + 0.0625 + 0) / 4, error.value());
        assertEquals("mean_squared_error", Metric.meanSquaredError().name());
        assertFalse(Metric.meanSquaredError().higherIsBetter());
    }

    @Test
    void meanAbsoluteErrorAccumulatesOverBatches() {
        Metric.Accumulator error = Metric.meanAbsoluteError().accumulator(1, 1);
        error.add(OUTPUTS, TARGETS, 2);
        error.add(new float[] {0f, 4f}, new float[] {0.25f, 4f}, 2);

        assertEquals((0.5 + 3 + 0.25 + 0) / 4, error.value());
    }

    @Test
    void targetsMustMatchTheOutputs() {
        assertEquals(
                "mean_absolute_error: expected one target per output (3 per sample), found 1",
                assertThrows(IllegalArgumentException.class, () -> Metric.meanAbsoluteError()
                                .accumulator(3, 1))
                        .getMessage());
    }
}
