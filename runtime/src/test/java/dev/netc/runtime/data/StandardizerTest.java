package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    @Test
    void fittedOnTrainingDataAndAppliedWithItsStatisticsToOtherData() {
        Dataset train = Dataset.ofTargets(new float[] {1, 10, 3, 20, 5, 30}, new int[] {2}, new float[] {7, 8, 9}, 1);
        Dataset test = Dataset.ofTargets(new float[] {3, 40}, new int[] {2}, new float[] {6}, 1);

        Standardizer standardizer = Standardizer.fit(train);
        Dataset trainOut = standardizer.apply(train);
        Dataset testOut = standardizer.apply(test);

        // column 0: mean 3, population std sqrt(8/3); column 1: mean 20, std sqrt(200/3)
        float s0 = (float) Math.sqrt(8.0 / 3);
        float s1 = (float) Math.sqrt(200.0 / 3);
        assertArrayEquals(new float[] {3, 20}, standardizer.mean());
        assertArrayEquals(new float[] {s0, s1}, standardizer.scale());
        assertArrayEquals(new float[] {-2 / s0, -10 / s1, 0, 0, 2 / s0, 10 / s1}, trainOut.features());
        assertArrayEquals(new float[] {0, 20 / s1}, testOut.features());
        assertArrayEquals(new float[] {7, 8, 9}, trainOut.targets());
        assertArrayEquals(new float[] {1, 10, 3, 20, 5, 30}, train.features(), "the input is not modified");
    }

    @Test
    void aConstantFeatureIsCentredNotDividedByZero() {
        Dataset train = Dataset.unlabelled(new float[] {4, 1, 4, 2, 4, 3}, new int[] {2});

        Standardizer standardizer = Standardizer.fit(train);
        Dataset out = standardizer.apply(train);

        assertArrayEquals(new float[] {4, 2}, standardizer.mean());
        assertEquals(1f, standardizer.scale()[0]);
        assertEquals(0f, out.feature(0, 0));
        assertEquals(0f, out.feature(2, 0));
    }

    @Test
    void differencesWithinFloatRoundingOfTheMeanCountAsConstant() {
        float big = 1.0e6f;
        float next = Math.nextUp(big);
        Dataset train = Dataset.unlabelled(new float[] {big, big, big, next}, new int[] {1});

        assertEquals(1f, Standardizer.fit(train).scale()[0]);
    }

    @Test
    void viewsAreStandardisedAsTheirOwnSamples() {
        Dataset data = Dataset.unlabelled(new float[] {0, 100, 2, 4}, new int[] {1});
        Dataset view = data.select(new int[] {3, 2, 0});

        Standardizer standardizer = Standardizer.fit(view);

        assertArrayEquals(new float[] {2}, standardizer.mean());
        float s = (float) Math.sqrt(8.0 / 3);
        assertArrayEquals(
                new float[] {2 / s, 0, -2 / s}, standardizer.apply(view).features());
    }

    @Test
    void applyInPlaceTransformsWholeSamples() {
        Standardizer standardizer = Standardizer.fit(Dataset.unlabelled(new float[] {0, 0, 2, 4}, new int[] {2}));
        float[] batch = {1, 2, 3, 6, 99};

        standardizer.applyInPlace(batch, 4);

        assertArrayEquals(new float[] {0, 0, 2, 2, 99}, batch);
        IllegalArgumentException partial =
                assertThrows(IllegalArgumentException.class, () -> standardizer.applyInPlace(batch, 3));
        assertEquals("length: expected a multiple of 2 (the feature count) from 0 to 5, found 3", partial.getMessage());
    }

    @Test
    void theStateRestoresTheSameTransform() {
        Standardizer fitted = Standardizer.fit(Dataset.unlabelled(new float[] {1, 5, 3, 5}, new int[] {2}));

        TransformState state = fitted.state();
        Transform restored = Transform.restore(state);

        assertEquals(Standardizer.KIND, state.kind());
        assertEquals(List.of("mean", "scale"), state.names());
        assertArrayEquals(new float[] {2, 5}, state.array("mean"));
        assertArrayEquals(new float[] {1, 1}, state.array("scale"));
        assertSame(Standardizer.class, restored.getClass());
        assertEquals(state, restored.state());
    }

    @Test
    void fittingNeedsFiniteValuesAndSamples() {
        Dataset withNaN = Dataset.unlabelled(new float[] {1, 2, 3, Float.NaN}, new int[] {2})
                .withFeatureNames(List.of("length", "width"));
        Dataset empty = Dataset.unlabelled(new float[0], new int[] {2});

        DataException nan = assertThrows(DataException.class, () -> Standardizer.fit(withNaN));
        DataException none = assertThrows(DataException.class, () -> Standardizer.fit(empty));
        DataException width = assertThrows(
                DataException.class, () -> Standardizer.fit(Dataset.unlabelled(new float[] {1, 2}, new int[] {2}))
                        .apply(Dataset.unlabelled(new float[] {1, 2, 3}, new int[] {3})));

        assertEquals(
                "standardize: row 1, feature 'width' (index 1): expected a finite value to fit on, found NaN",
                nan.getMessage());
        assertEquals("standardize: cannot fit on an empty data set; expected at least one sample", none.getMessage());
        assertEquals("standardize: expected data with 2 features (as fitted), found 3", width.getMessage());
    }
}
