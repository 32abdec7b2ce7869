package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MinMaxScalerTest {

    @Test
    void trainingFeaturesAreScaledToTheUnitIntervalAndOtherDataLikewise() {
        Dataset train = Dataset.unlabelled(new float[] {-1, 10, 1, 20, 3, 30}, new int[] {2});
        Dataset test = Dataset.unlabelled(new float[] {7, 0}, new int[] {2});

        MinMaxScaler scaler = MinMaxScaler.fit(train);

        assertArrayEquals(new float[] {-1, 10}, scaler.min());
        assertArrayEquals(new float[] {4, 20}, scaler.range());
        assertArrayEquals(
                new float[] {0, 0, 0.5f, 0.5f, 1, 1}, scaler.apply(train).features());
        assertArrayEquals(new float[] {2, -0.5f}, scaler.apply(test).features(), "not clipped");
    }

    @Test
    void aConstantFeatureIsShiftedNotDividedByZero() {
        MinMaxScaler scaler = MinMaxScaler.fit(Dataset.unlabelled(new float[] {5, 5, 5}, new int[] {1}));

        assertArrayEquals(new float[] {1}, scaler.range());
        assertArrayEquals(
                new float[] {0, 0, 0},
                scaler.apply(Dataset.unlabelled(new float[] {5, 5, 5}, new int[] {1}))
                        .features());
    }

    @Test
    void theStateRestoresTheSameTransform() {
        MinMaxScaler scaler = MinMaxScaler.fit(Dataset.unlabelled(new float[] {0, 8, 2, 4}, new int[] {2}));

        TransformState state = scaler.state();

        assertEquals("min_max{min=[0.0, 4.0], range=[2.0, 4.0]}", state.toString());
        assertEquals(state, Transform.restore(state).state());
    }

    @Test
    void aRangeBeyondFloatIsRefused() {
        Dataset extreme = Dataset.unlabelled(new float[] {-3e38f, 3e38f}, new int[] {1});

        DataException e = assertThrows(DataException.class, () -> MinMaxScaler.fit(extreme));

        assertEquals("min_max: feature 0: expected a range within float's, found -3.0E38 to 3.0E38", e.getMessage());
    }
}
