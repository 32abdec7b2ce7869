package dev.netc.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void lengthMismatchSaysWhatWasExpectedAndFound() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Arguments.requireLength("parameters", new float[16], 17));

        assertEquals("parameters: expected 17 values, found 16", e.getMessage());
        assertDoesNotThrow(() -> Arguments.requireLength("parameters", new float[17], 17));
    }

    @Test
    void rowsMustFitTheBatch() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Arguments.requireRows("inputs", new float[5], 2, 3));

        assertEquals("inputs: expected at least 6 values (2 samples of 3), found 5", e.getMessage());
        assertDoesNotThrow(() -> Arguments.requireRows("inputs", new float[7], 2, 3));
    }

    @Test
    void countHasAMinimum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arguments.requireCount(0, 1));

        assertEquals("count: expected at least 1 samples, found 0", e.getMessage());
        assertDoesNotThrow(() -> Arguments.requireCount(0, 0));
    }

    @Test
    void sparseTargetsMustBeClassIndices() {
        float[] targets = {2f, 3f, 1.5f, -1f, Float.NaN};

        assertEquals(2, Arguments.classIndex(targets, 0, 3));
        for (int sample = 1; sample < targets.length; sample++) {
            int row = sample;
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> Arguments.classIndex(targets, row, 3), "sample " + row);
            assertEquals(
                    "targets[" + row + "]: expected a class index from 0 to 2, found " + targets[row], e.getMessage());
        }
    }
}
