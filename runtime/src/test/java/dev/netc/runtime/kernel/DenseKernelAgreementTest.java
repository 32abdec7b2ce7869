package dev.netc.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel of both implementations against the product in double ({@link DenseCase}): random blocks with sizes
 * at and next to the vector widths, 1 to 70 rows, with and without bias, input blocks at offsets; and the digits
 * network's largest layer at a training batch (32 rows, split over 2 threads) and at one row; and a batch that the
 * gradient sums in several chunks of rows. The two implementations also agree with each other.
 */
class DenseKernelAgreementTest {

    private static final int RANDOM_CASES = 150;
    private static final AtomicInteger checked = new AtomicInteger();

    static List<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (DenseKernel kernel : Implementations.both()) {
            for (DenseCase c : DenseCase.random(RANDOM_CASES, 20240611L)) {
                arguments.add(Arguments.of(kernel.name(), c));
            }
        }
        return arguments;
    }

    @AfterAll
    static void everyCaseRan() {
        assertEquals(2 * RANDOM_CASES, checked.get(), "random cases checked");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void kernelsAgreeWithTheProductInDouble(String implementation, DenseCase c) {
        TiledDense kernels = Implementations.on(KernelSelection.kernel(implementation, true), 1);
        c.checkForward(kernels);
        c.checkGradient(kernels);
        c.checkInputGradient(kernels);
        checked.incrementAndGet();
    }

    @Test
    void theDigitsNetworksFirstLayerAgreesAtABatchAndAtOneRow() {
        int cases = 0;
        for (DenseKernel kernel : Implementations.both()) {
            for (int rows : new int[] {32, 1}) {
                DenseCase c = new DenseCase(rows, 784, 512, true, 784, 7L);
                TiledDense kernels = Implementations.on(kernel, 2);
                c.checkForward(kernels);
                c.checkGradient(kernels);
                c.checkInputGradient(kernels);
                cases++;
            }
        }
        assertEquals(4, cases);
    }

    @Test
    void aBatchLongerThanTheGradientsRowChunkAgrees() {
        int rows = 2 * VectorGradient.ROW_CHUNK + 3;
        for (DenseKernel kernel : Implementations.both()) {
            // 37 units: 9 groups of 4 and one left over; 61 inputs: 7 vectors, the last odd, and a scalar tail
            DenseCase c = new DenseCase(rows, 61, 37, true, 5, 8L);
            TiledDense kernels = Implementations.on(kernel, 2);
            c.checkForward(kernels);
            c.checkGradient(kernels);
            c.checkInputGradient(kernels);
        }
    }

    @Test
    void vectorAndScalarAgreeWithinRounding() {
        TiledDense scalar = Implementations.on(Implementations.scalar(), 1);
        TiledDense vector = Implementations.on(Implementations.vector(), 1);
        int compared = 0;
        for (DenseCase c : DenseCase.random(40, 99L)) {
            compared += close(c.checkForward(scalar), c.checkForward(vector));
            compared += close(c.checkGradient(scalar), c.checkGradient(vector));
            compared += close(c.checkInputGradient(scalar), c.checkInputGradient(vector));
        }
        assertTrue(compared > 10_000, "elements compared: " + compared);
    }

    /** Asserts {@code a} and {@code b} agree within 1e-4 relative (they differ by rounding); returns their length. */
    private static int close(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-4 * (1 + Math.abs(a[i])), "element " + i);
        }
        return a.length;
    }
}
