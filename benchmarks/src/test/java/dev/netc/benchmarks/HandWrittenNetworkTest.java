package dev.netc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.optim.Sgd;
import org.junit.jupiter.api.Test;

/**
 * The hand-written peer of the workload benchmarks does the work the generated classes do: same parameter layout,
 * same outputs, same loss and gradient, same updates, within float rounding of sums taken in another order. Otherwise
 * the benchmarks' ratios would compare different computations.
 */
class HandWrittenNetworkTest {

    private static final int BATCH = 8;

    @Test
    void irisPredictionsMatchTheGeneratedClass() {
        TrainableNetwork generated = Workloads.irisNet();
        HandWrittenNetwork plain = Workloads.handWrittenIris();
        float[] p = generated.initialParameters(Workloads.PARAMETER_SEED);
        int compared = 0;
        for (int s = 0; s < 16; s++) {
            float[] x = Workloads.uniform(100L + s, generated.inputSize(), -2, 2);
            float[] expected = new float[generated.outputSize()];
            float[] actual = new float[plain.outputSize()];
            generated.predict(p, x, expected);
            plain.predict(p, x, actual);
            compared += assertClose(expected, actual, 1e-6, 1e-5);
        }
        assertEquals(16 * 3, compared);
        assertEquals(120, plain.weightCount());
    }

    @Test
    void digitsBatchPredictionsMatchTheGeneratedClass() {
        TrainableNetwork generated = Workloads.digitsNet();
        HandWrittenNetwork plain = Workloads.handWrittenDigits(BATCH);
        float[] p = generated.initialParameters(Workloads.PARAMETER_SEED);
        int count = 2 * BATCH + 3; // more than one block of the peer's scratch, and a partial one
        float[] x = Workloads.uniform(3_000L, count * generated.inputSize(), 0, 1);
        float[] expected = new float[count * generated.outputSize()];
        float[] actual = new float[count * plain.outputSize()];
        generated.predictBatch(p, x, count, expected);
        plain.predictBatch(p, x, count, actual);
        assertEquals(count * 10, assertClose(expected, actual, 1e-6, 1e-4));
        assertEquals(566_528, plain.weightCount());
    }

    @Test
    void digitsLossAndGradientMatchTheGeneratedClass() {
        TrainableNetwork generated = Workloads.digitsNet();
        HandWrittenNetwork plain = Workloads.handWrittenDigits(BATCH);
        float[] p = generated.initialParameters(Workloads.PARAMETER_SEED);
        float[] x = Workloads.uniform(1_000L, BATCH * generated.inputSize(), 0, 1);
        float[] t = Workloads.oneHot(2_000L, BATCH, generated.outputSize());
        float[] expected = new float[p.length];
        float[] actual = new float[p.length];
        float expectedLoss = generated.lossAndGradient(p, x, t, BATCH, expected);
        float actualLoss = plain.lossAndGradient(p, x, t, BATCH, actual);
        assertEquals(expectedLoss, actualLoss, 1e-5 * Math.abs(expectedLoss));
        assertEquals(p.length, assertClose(expected, actual, 1e-6, 1e-3));
    }

    @Test
    void updatesMatchTheRuntimeOptimizers() {
        for (String rule : new String[] {"sgd", "adam"}) {
            double rate = rule.equals("sgd") ? 0.01 : 1e-3;
            Optimizer runtime = rule.equals("sgd")
                    ? Sgd.builder().learningRate(rate).build()
                    : Adam.builder().learningRate(rate).build();
            HandWrittenUpdate plain = HandWrittenUpdate.named(rule, rate, 1_000);
            float[] expected = Workloads.uniform(1L, 1_000, -1, 1);
            float[] actual = expected.clone();
            for (int step = 0; step < 5; step++) {
                float[] g = Workloads.uniform(10L + step, 1_000, -0.1, 0.1);
                runtime.step(expected, g);
                plain.step(actual, g);
            }
            assertEquals(1_000, assertClose(expected, actual, 1e-7, 1e-6), rule);
        }
    }

    /** Asserts each pair is within {@code absolute + relative * |expected|}; returns how many were compared. */
    private static int assertClose(float[] expected, float[] actual, double absolute, double relative) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = absolute + relative * Math.abs(expected[i]);
            assertTrue(
                    Math.abs(expected[i] - actual[i]) <= tolerance,
                    "element " + i + ": expected " + expected[i] + ", found " + actual[i]);
        }
        return expected.length;
    }
}
