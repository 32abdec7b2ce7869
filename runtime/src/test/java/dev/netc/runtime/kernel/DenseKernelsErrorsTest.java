package dev.netc.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Ranges outside their arrays and impossible shapes are reported before anything is written. */
class DenseKernelsErrorsTest {

    private final float[] p = new float[10];
    private final float[] x = new float[8];
    private final float[] z = filled(6);
    private final float[] g = filled(10);

    @Test
    void weightsPastTheEndOfTheParameters() {
        IndexOutOfBoundsException e =
                assertThrows(IndexOutOfBoundsException.class, () -> DenseKernels.forward(p, 5, -1, 4, 2, x, 0, 2, z));
        assertEquals("weights: 8 floats from offset 5 do not fit in an array of 10", e.getMessage());
        assertArrayEquals(filled(6), z, "z untouched");
    }

    @Test
    void biasPastTheEnd() {
        IndexOutOfBoundsException e = assertThrows(
                IndexOutOfBoundsException.class, () -> DenseKernels.gradient(z, x, 0, 2, 4, 2, g, 0, 9, false));
        assertEquals("bias: 2 floats from offset 9 do not fit in an array of 10", e.getMessage());
        assertArrayEquals(filled(10), g, "g untouched");
    }

    @Test
    void inputBlockPastTheEndOrAtANegativeOffset() {
        IndexOutOfBoundsException e =
                assertThrows(IndexOutOfBoundsException.class, () -> DenseKernels.forward(p, 0, -1, 4, 2, x, 1, 2, z));
        assertEquals("x: 8 floats from offset 1 do not fit in an array of 8", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> DenseKernels.forward(p, 0, -1, 4, 2, x, -1, 1, z));
        assertEquals("x: 4 floats from offset -1 do not fit in an array of 8", e.getMessage());
    }

    @Test
    void outputsTooShort() {
        IndexOutOfBoundsException e = assertThrows(
                IndexOutOfBoundsException.class, () -> DenseKernels.forward(p, 0, -1, 4, 2, x, 0, 2, new float[3]));
        assertEquals("z: 4 floats from offset 0 do not fit in an array of 3", e.getMessage());
        e = assertThrows(
                IndexOutOfBoundsException.class, () -> DenseKernels.inputGradient(p, 0, 4, 2, z, 2, new float[7]));
        assertEquals("dx: 8 floats from offset 0 do not fit in an array of 7", e.getMessage());
        e = assertThrows(
                IndexOutOfBoundsException.class, () -> DenseKernels.inputGradient(p, 0, 4, 2, new float[3], 2, x));
        assertEquals("dz: 4 floats from offset 0 do not fit in an array of 3", e.getMessage());
    }

    @Test
    void sizesMustBePositiveAndWithinTheLimit() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DenseKernels.forward(p, 0, -1, 0, 2, x, 0, 2, z));
        assertEquals(
                "a dense block needs 1 <= inputs, units <= 67108863 and 0 <= rows <= 67108863, found inputs 0, units 2,"
                        + " rows 2",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DenseKernels.forward(p, 0, -1, 4, 2, x, 0, 1 << 26, z));
        assertEquals(
                "a dense block needs 1 <= inputs, units <= 67108863 and 0 <= rows <= 67108863, found inputs 4, units 2,"
                        + " rows 67108864",
                e.getMessage());
    }

    @Test
    void noRowsIsNothingToDo() {
        DenseKernels.forward(p, 0, 8, 4, 2, x, 0, 0, z);
        DenseKernels.gradient(z, x, 0, 0, 4, 2, g, 0, 8, true);
        DenseKernels.inputGradient(p, 0, 4, 2, z, 0, x);
        assertArrayEquals(filled(6), z);
        assertArrayEquals(filled(10), g);
        assertArrayEquals(new float[8], x);
    }

    @Test
    void noRowsWriteAZeroGradient() {
        DenseKernels.gradient(z, x, 0, 0, 4, 2, g, 0, 8, false);
        assertArrayEquals(new float[10], g, "a sum of no terms, weights and bias");
    }

    private static float[] filled(int length) {
        float[] values = new float[length];
        Arrays.fill(values, 7f);
        return values;
    }
}
