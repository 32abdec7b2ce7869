package dev.netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Standardizer;
import dev.netc.runtime.data.Transform;
import java.util.List;
import org.junit.jupiter.api.Test;

class SavedTransformTest {

    @Test
    void aFittedTransformSurvivesTheWeightFilesFormBitForBit() {
        Dataset train = Dataset.unlabelled(new float[] {1f, 10f, 2f, 20f, 4f, 40f}, new int[] {2});
        Standardizer fitted = Standardizer.fit(train);

        SavedTransform saved = SavedTransform.of(fitted.state());
        Standardizer restored = (Standardizer) Transform.restore(saved.state());

        assertEquals(Standardizer.KIND, saved.kind());
        assertEquals(
                List.of("mean", "scale"),
                saved.values().stream().map(SavedTransform.Values::name).toList());
        assertArrayEquals(fitted.mean(), restored.mean());
        assertArrayEquals(fitted.scale(), restored.scale());
        assertEquals(fitted.state(), saved.state());
    }
}
