package dev.netc.runtime.kernel;

import static dev.netc.runtime.kernel.VectorDenseKernel.LANES;
import static dev.netc.runtime.kernel.VectorDenseKernel.SPECIES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The forward kernel adds a dot product's lanes from lane 0 up, as its class comment promises, once compiled as well
 * as interpreted: sums whose value depends on the order (large terms that cancel, small ones that vanish beside
 * them) come out as the plain loop's, bit for bit, over enough calls for C2 to compile the sum. Before JDK 23 C2
 * compiles {@code reduceLanes(ADD)} in order; later JDKs add the lanes in an order of their choosing, which these
 * sums expose.
 */
class LaneSumTest {

    /** Enough calls for C2 to compile both sums, measured in the tens of thousands. */
    private static final int CALLS = 100_000;

    @Test
    void sumsCancellingLanesInOrder() {
        float[] lanes = new float[LANES];
        float[] pattern = {1e8f, 1f, -1e8f, 1f, 3.3f, 1e-3f, 7e7f, -7e7f};
        for (int l = 0; l < LANES; l++) {
            lanes[l] = pattern[l % pattern.length];
        }
        FloatVector v = FloatVector.fromArray(SPECIES, lanes, 0);
        float expected = inOrder(lanes);
        for (int call = 0; call < CALLS; call++) {
            assertBits(expected, VectorForward.laneSum(v));
            assertBits(expected, VectorForward.laneSumInOrder(v));
        }
    }

    @Test
    void sumsRandomLanesOfManyMagnitudesInOrder() {
        SplittableRandom random = new SplittableRandom(23L);
        float[] lanes = new float[LANES];
        for (int call = 0; call < CALLS; call++) {
            for (int l = 0; l < LANES; l++) {
                lanes[l] = (float) (random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-6, 9)));
            }
            FloatVector v = FloatVector.fromArray(SPECIES, lanes, 0);
            float expected = inOrder(lanes);
            assertBits(expected, VectorForward.laneSum(v));
            assertBits(expected, VectorForward.laneSumInOrder(v));
        }
    }

    private static float inOrder(float[] lanes) {
        float sum = lanes[0];
        for (int l = 1; l < lanes.length; l++) {
            sum += lanes[l];
        }
        return sum;
    }

    private static void assertBits(float expected, float actual) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), expected + " vs " + actual);
    }
}
