package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OneHotTest {

    private static final Dataset DATA = Dataset.ofClasses(
            new float[] {1, 2, 3, 4}, new int[] {1}, new float[] {2, 0, 1, 2}, List.of("a", "b", "c"));

    @Test
    void classIndicesBecomeOneHotTargetsAndTheFeaturesAreShared() {
        OneHot oneHot = OneHot.fit(DATA);
        Dataset view = DATA.select(new int[] {3, 1});

        Dataset encoded = oneHot.apply(view);

        assertEquals(3, oneHot.classCount());
        assertEquals(TargetKind.ONE_HOT, encoded.targetKind());
        assertEquals(3, encoded.targetWidth());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, encoded.targets());
        assertArrayEquals(new float[] {4, 2}, encoded.features());
        assertEquals(List.of("a", "b", "c"), encoded.classNames());
        assertEquals(2, encoded.classIndex(0));
        assertArrayEquals(new int[] {1, 0, 1}, encoded.classCounts());
    }

    @Test
    void encodeWritesBatchesWithoutADataSet() {
        OneHot oneHot = OneHot.fit(DATA);
        float[] out = {9, 9, 9, 9, 9, 9, 9};

        oneHot.encode(new float[] {1, 0, 7}, 2, out);

        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 9}, out);
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> oneHot.encode(new float[] {3}, 1, out));
        assertEquals("classIndices[0]: expected a class index from 0 to 2, found 3.0", bad.getMessage());
    }

    @Test
    void dataWithAnotherClassCountOrNoClassesIsRefused() {
        OneHot oneHot = OneHot.fit(DATA);
        Dataset twoClasses = Dataset.ofClasses(new float[] {1}, new int[] {1}, new float[] {0}, 2);
        Dataset values = Dataset.ofTargets(new float[] {1}, new int[] {1}, new float[] {0.5f}, 1);

        DataException count = assertThrows(DataException.class, () -> oneHot.apply(twoClasses));
        DataException kind = assertThrows(DataException.class, () -> OneHot.fit(values));

        assertEquals("one_hot: expected data with 3 classes (as fitted), found 2", count.getMessage());
        assertEquals("one_hot: expected class-index targets (CLASS_INDEX), found VALUES", kind.getMessage());
    }

    @Test
    void theStateRestoresTheSameTransform() {
        TransformState state = OneHot.fit(DATA).state();

        assertEquals("one_hot{classes=[3.0]}", state.toString());
        assertEquals(3, ((OneHot) Transform.restore(state)).classCount());
    }
}
