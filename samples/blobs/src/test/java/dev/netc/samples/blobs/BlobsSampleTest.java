package dev.netc.samples.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.Dataset;
import dev.netc.samples.common.TrainingCurves;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample end to end on its fixed seed, trained once for all tests: the sample's floor (every one of the write-up's
 * 200 points right, as the write-up got), the report, and the curves written.
 */
class BlobsSampleTest {

    private static final Path DATA = Path.of("../../data/blobs");

    private static Dataset points;
    private static Dataset newPoints;
    private static BlobsTraining.Result result;

    @BeforeAll
    static void train() {
        points = BlobsTraining.read(DATA.resolve(BlobsTraining.POINTS));
        newPoints = BlobsTraining.read(DATA.resolve(BlobsTraining.NEW_POINTS));
        result = BlobsTraining.run(points, newPoints, BlobsTraining.SEED);
    }

    @Test
    void theDataAreTheWriteUpsTwoBlobsOf100PointsEach() {
        assertEquals(200, points.size());
        assertEquals(2, points.featureSize());
        float labelled1 = 0;
        for (int row = 0; row < points.size(); row++) {
            labelled1 += points.target(row, 0);
        }
        assertEquals(100, labelled1);
        // The first point the write-up's code draws: NumPy's randn from seed 68329, plus (-2, -2).
        assertEquals(-1.9069304f, points.feature(0, 0), 1e-6f);
        assertEquals(-1.5328325f, points.feature(0, 1), 1e-6f);
    }

    @Test
    void classifiesEveryPointItTrainedOn() {
        assertEquals(1.0, result.accuracy());
        assertEquals(result.accuracy(), result.history().last("accuracy"), 1e-9);
    }

    @Test
    void trainsEveryEpochAndTheLossFalls() {
        assertEquals(BlobsTraining.EPOCHS, result.history().epochs());
        double first = result.history().get("loss").get(0);
        double last = result.history().last("loss");
        assertTrue(last < first / 10, "loss from " + first + " to " + last);
        assertEquals(result.newPointsAccuracy(), result.history().last("val_accuracy"), 1e-9);
    }

    @Test
    void reportsBothAccuracies() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        BlobsSample.report(
                result, points.size(), newPoints.size(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(
                report.startsWith("BlobsNet after 100 epochs of full-batch gradient descent on 200 points (seed 1)\n"
                        + "  accuracy on the 200 points: 100.00%\n"
                        + "  accuracy on 200 new points: "),
                report);
    }

    @Test
    void writesTheTrainingCurves(@TempDir Path directory) throws IOException {
        Path written = BlobsSample.writeCurves(result, points.size(), newPoints.size(), directory);

        assertEquals(directory.resolve(BlobsSample.CURVES), written);
        BufferedImage picture = ImageIO.read(written.toFile());
        assertEquals(2 * TrainingCurves.CHART_WIDTH, picture.getWidth());
        assertEquals(TrainingCurves.CHART_HEIGHT, picture.getHeight());
    }
}
