package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scaling by a constant, and restoring transforms from stored states that a damaged weight file could hold. */
class TransformTest {

    @Test
    void scaleMultipliesEveryFeature() {
        Scale pixels = Scale.by(1 / 255f);
        Dataset images = Dataset.unlabelled(new float[] {0, 255, 51, 102}, new int[] {2, 2});

        Dataset scaled = pixels.apply(images);

        assertArrayEquals(new float[] {0, 1, 0.2f, 0.4f}, scaled.features(), 1e-7f);
        assertArrayEquals(new int[] {2, 2}, scaled.featureShape());
        assertEquals(
                Scale.by(1 / 255f).state(), Transform.restore(pixels.state()).state());
        assertThrows(IllegalArgumentException.class, () -> Scale.by(0));
        assertThrows(IllegalArgumentException.class, () -> Scale.by(Float.NaN));
    }

    @Test
    void statesCompareByContent() {
        TransformState a = new TransformState("scale", Map.of("factor", new float[] {2}));
        TransformState b = new TransformState("scale", Map.of("factor", new float[] {2}));
        float[] factor = {2};
        TransformState c = new TransformState("scale", Map.of("factor", factor));
        factor[0] = 3; // copied in, so c does not change

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a, c);
        assertNotEquals(a, new TransformState("scale", Map.of("factor", new float[] {3})));
    }

    @Test
    void damagedStatesAreRefusedWithWhatIsWrong() {
        assertRestoreError(
                new TransformState("standardise", Map.of()),
                "unknown transform kind 'standardise'; did you mean 'standardize'?");
        assertRestoreError(
                new TransformState("standardize", Map.of("mean", new float[] {1})),
                "transform 'standardize': expected an array named 'scale', found only [mean]");
        assertRestoreError(
                new TransformState("standardize", Map.of("mean", new float[] {1, 2}, "scale", new float[] {1})),
                "transform 'standardize': array 'scale': expected 2 values, found 1");
        assertRestoreError(
                new TransformState("standardize", Map.of("mean", new float[0], "scale", new float[0])),
                "transform 'standardize': array 'mean': expected at least 1 values, found 0");
        assertRestoreError(
                new TransformState("min_max", Map.of("min", new float[] {0}, "range", new float[] {0})),
                "transform 'min_max': array 'range' index 0: expected a positive finite number, found 0.0");
        assertRestoreError(
                new TransformState("standardize", Map.of("mean", new float[] {Float.NaN}, "scale", new float[] {1})),
                "transform 'standardize': array 'mean' index 0: expected a finite number, found NaN");
        assertRestoreError(
                new TransformState("scale", Map.of("factor", new float[] {0})),
                "transform 'scale': array 'factor' index 0: expected a number other than 0, found 0.0");
        assertRestoreError(
                new TransformState("one_hot", Map.of("classes", new float[] {2.5f})),
                "transform 'one_hot': array 'classes' index 0: expected a whole number from 1 to 16777216, found 2.5");
    }

    private static void assertRestoreError(TransformState state, String expected) {
        DataException e = assertThrows(DataException.class, () -> Transform.restore(state));
        assertEquals(expected, e.getMessage());
    }
}
