package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** Four samples of two features, {@code 10 * row + column}; classes 0, 1, 2, 1. */
    private static Dataset small() {
        float[] features = {0, 1, 10, 11, 20, 21, 30, 31};
        return Dataset.ofClasses(features, new int[] {2}, new float[] {0, 1, 2, 1}, List.of("a", "b", "c"));
    }

    @Test
    void aDataSetThatIsNotAViewHandsOutItsOwnArrays() {
        float[] features = {1, 2, 3, 4, 5, 6};
        float[] targets = {0.5f, 1.5f, 2.5f};
        Dataset data = Dataset.ofTargets(features, new int[] {2}, targets, 1);

        assertSame(features, data.features());
        assertSame(targets, data.targets());
        assertSame(data, data.compact());
        assertEquals(3, data.size());
        assertEquals(TargetKind.VALUES, data.targetKind());
    }

    @Test
    void slicesAndSelectionsShareTheStoredFeatures() {
        float[] features = {0, 1, 10, 11, 20, 21, 30, 31};
        Dataset data = Dataset.ofClasses(features, new int[] {2}, new float[] {0, 1, 2, 1}, 3);
        Dataset slice = data.slice(1, 3);
        Dataset reversed = data.select(new int[] {3, 2, 1, 0});
        Dataset sliceOfSelection = reversed.slice(1, 3).select(new int[] {1, 0});

        features[2] = 99; // the caller must not do this; here it proves that nothing was copied
        assertEquals(99, slice.feature(0, 0));
        assertEquals(99, reversed.feature(2, 0));
        assertEquals(99, sliceOfSelection.feature(0, 0));
        assertEquals(20, sliceOfSelection.feature(1, 0));
        assertEquals(2, sliceOfSelection.classIndex(1));
    }

    @Test
    void aViewsArraysAreCompactCopiesOfItsSamples() {
        Dataset data = small();
        Dataset view = data.select(new int[] {2, 0});

        assertArrayEquals(new float[] {20, 21, 0, 1}, view.features());
        assertArrayEquals(new float[] {2, 0}, view.targets());
        assertNotSame(view.features(), view.features());
        Dataset compact = view.compact();
        assertSame(compact.features(), compact.features());
        assertArrayEquals(new float[] {20, 21, 0, 1}, compact.features());
        assertArrayEquals(new float[] {20, 21, 30, 31}, data.slice(2, 4).features());
    }

    @Test
    void rowAccessorsFollowTheView() {
        Dataset view = small().select(new int[] {3, 1});
        float[] row = new float[4];

        view.copyFeatures(0, row, 1);
        view.copyTargets(1, row, 3);
        assertArrayEquals(new float[] {0, 30, 31, 1}, row);
        assertEquals(1, view.target(0, 0));
        assertArrayEquals(new int[] {0, 2, 0}, view.classCounts());
        assertThrows(IndexOutOfBoundsException.class, () -> view.feature(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> view.feature(0, 2));
    }

    @Test
    void classesWithoutNamesAreNamedByIndex() {
        Dataset data = Dataset.ofClasses(new float[] {1, 2}, new int[] {1}, new float[] {0, 2}, 3);

        assertEquals(List.of("0", "1", "2"), data.classNames());
        assertEquals(3, data.classCount());
        assertArrayEquals(new int[] {1, 0, 1}, data.classCounts());
    }

    @Test
    void theShapeOfASampleIsKept() {
        Dataset images = Dataset.unlabelled(new float[2 * 6], new int[] {2, 3});

        assertArrayEquals(new int[] {2, 3}, images.featureShape());
        assertEquals(6, images.featureSize());
        assertEquals(2, images.size());
        assertEquals(0, images.targetWidth());
        assertEquals("Dataset[2 samples of [2, 3], no targets]", images.toString());
        assertThrows(IllegalStateException.class, () -> images.classIndex(0));
    }

    @Test
    void featureNamesNameFeaturesInMessages() {
        Dataset named = small().withFeatureNames(List.of("length", "width"));

        assertEquals(List.of("length", "width"), named.featureNames());
        assertEquals("feature 'width' (index 1)", named.describeFeature(1));
        assertEquals("feature 1", small().describeFeature(1));
    }

    @Test
    void factoriesRejectInconsistentArrays() {
        IllegalArgumentException ragged = assertThrows(
                IllegalArgumentException.class, () -> Dataset.ofClasses(new float[5], new int[] {2}, new float[2], 2));
        IllegalArgumentException badClass = assertThrows(
                IllegalArgumentException.class,
                () -> Dataset.ofClasses(new float[4], new int[] {2}, new float[] {0, 1.5f}, 2));
        IllegalArgumentException tooFewTargets = assertThrows(
                IllegalArgumentException.class, () -> Dataset.ofTargets(new float[4], new int[] {2}, new float[3], 2));
        IllegalArgumentException duplicateClass = assertThrows(
                IllegalArgumentException.class,
                () -> Dataset.ofClasses(new float[2], new int[] {2}, new float[1], List.of("a", "a")));
        IllegalArgumentException badShape =
                assertThrows(IllegalArgumentException.class, () -> Dataset.unlabelled(new float[0], new int[] {2, 0}));

        assertEquals("features: expected a multiple of 2 values (the sample size), found 5", ragged.getMessage());
        assertEquals("classIndices[1]: expected a class index from 0 to 1, found 1.5", badClass.getMessage());
        assertEquals("targets: expected 4 values (2 samples of 2), found 3", tooFewTargets.getMessage());
        assertEquals("classNames: 'a' appears twice", duplicateClass.getMessage());
        assertEquals("featureShape: expected positive dimensions, found [2, 0]", badShape.getMessage());
    }
}
