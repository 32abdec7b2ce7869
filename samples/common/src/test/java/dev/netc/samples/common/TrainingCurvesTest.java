package dev.netc.samples.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.samples.common.TrainingCurves.Curve;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCurvesTest {

    private static final TrainingCurves CURVES = new TrainingCurves("TestNet", "binary cross-entropy");

    @Test
    void drawsTheLossAndTheAccuracyChartsSideBySide() {
        BufferedImage picture = CURVES.draw(
                List.of(new Curve("training", List.of(0.7, 0.4, 0.2)), new Curve("validation", List.of(0.8, 0.5, 0.3))),
                List.of(
                        new Curve("training", List.of(0.5, 0.8, 0.9)),
                        new Curve("validation", List.of(0.4, 0.7, 0.9))));

        assertEquals(2 * TrainingCurves.CHART_WIDTH, picture.getWidth());
        assertEquals(TrainingCurves.CHART_HEIGHT, picture.getHeight());
        assertTrue(colours(picture, 0) > 10, "the loss chart is drawn");
        assertTrue(colours(picture, TrainingCurves.CHART_WIDTH) > 10, "the accuracy chart is drawn");
    }

    @Test
    void aSingleEpochIsDrawnToo() {
        BufferedImage picture =
                CURVES.draw(List.of(new Curve("training", List.of(0.7))), List.of(new Curve("training", List.of(0.5))));

        assertEquals(2 * TrainingCurves.CHART_WIDTH, picture.getWidth());
    }

    @Test
    void curvesOfDifferentLengthsAreRefused() {
        List<Curve> losses = List.of(new Curve("training", List.of(0.7, 0.4)));
        List<Curve> accuracies = List.of(new Curve("training", List.of(0.5, 0.8, 0.9)));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CURVES.draw(losses, accuracies));

        assertEquals(
                "curve 'training': expected 2 values (one per epoch, as the first curve), found 3", e.getMessage());
    }

    @Test
    void eachChartNeedsACurveAndEachCurveAValue() {
        List<Curve> some = List.of(new Curve("training", List.of(0.7)));

        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> CURVES.draw(some, List.of()));
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> new Curve("training", List.of()));

        assertEquals("expected loss and accuracy curves, found 1 and 0", none.getMessage());
        assertEquals("curve 'training': expected one value per epoch, found none", empty.getMessage());
    }

    /** How many distinct colours the chart starting at column {@code left} has: a blank chart has one or two. */
    private static long colours(BufferedImage picture, int left) {
        return java.util.stream.IntStream.range(0, TrainingCurves.CHART_WIDTH * TrainingCurves.CHART_HEIGHT)
                .map(i -> picture.getRGB(left + i % TrainingCurves.CHART_WIDTH, i / TrainingCurves.CHART_WIDTH))
                .distinct()
                .count();
    }
}
