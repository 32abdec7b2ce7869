package dev.netc.runtime.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.Activations;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Activations#softmax} on random rows of 1 to 32 values up to +-1e4 (far past float's exp overflow at 88):
 * every value in [0, 1], no NaN, rows summing to 1; and {@link Activations#logSumExp} finite and at least the
 * maximum, so that cross-entropy from logits is finite.
 */
class SoftmaxPropertyTest {

    private static final int CASES = 200;
    private static int checked;

    static List<Integer> seeds() {
        return IntStream.range(0, CASES).boxed().toList();
    }

    @AfterAll
    static void everyCaseRan() {
        assertEquals(CASES, checked, "rows checked");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void softmaxRowsSumToOneWithoutNaN(int seed) {
        Random random = new Random(seed);
        int length = 1 + random.nextInt(32);
        double scale = Math.pow(10, random.nextInt(5)); // 1 .. 1e4
        float[] z = new float[length];
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            z[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
            max = Math.max(max, z[i]);
        }
        float[] p = new float[length];
        Activations.softmax(z, p, length);
        double sum = 0;
        for (float value : p) {
            assertTrue(value >= 0 && value <= 1, "probability " + value + " at scale " + scale);
            sum += value;
        }
        assertEquals(1, sum, 1e-6, "sum of a row at scale " + scale);
        double logSumExp = Activations.logSumExp(z, length);
        assertTrue(Double.isFinite(logSumExp) && logSumExp >= max, "log-sum-exp " + logSumExp + " of max " + max);
        checked++;
    }
}
