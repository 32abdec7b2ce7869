package dev.netc.samples.iris;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample end to end on its fixed seed, trained once for all tests: the sample's floor (a mean of at least 95% over
 * the five splits; the write-up got 96.9%), the report as the write-up printed it, and the curves written.
 */
class IrisSampleTest {

    private static final Path IRIS = Path.of("../../data/iris/iris.csv");

    private static Dataset iris;
    private static IrisTraining.Result result;

    @BeforeAll
    static void train() {
        iris = IrisTraining.read(IRIS);
        result = IrisTraining.run(iris, IrisTraining.SEED);
    }

    @Test
    void meanTestAccuracyOverFiveStratifiedSplitsIsAtLeast95Percent() {
        assertEquals(IrisTraining.SPLITS, result.splits().size());
        for (IrisTraining.SplitResult split : result.splits()) {
            assertEquals(45, split.total(), "15 test flowers of each species");
            assertEquals(105, split.trained());
        }
        assertTrue(result.meanAccuracy() >= 0.95, "mean accuracy " + result.meanAccuracy());
    }

    @Test
    void eachSplitIsTrainedForEveryEpochAndValidatedOnItsTestFlowers() {
        for (IrisTraining.SplitResult split : result.splits()) {
            assertEquals(IrisTraining.EPOCHS, split.history().epochs());
            assertEquals(
                    split.accuracy(),
                    split.history().last("val_accuracy"),
                    1e-9,
                    "the test flowers are the validation data, so the last epoch is the trained network");
        }
    }

    @Test
    void theSplitsDiffer() {
        List<Double> firstEpochLosses = result.splits().stream()
                .map(split -> split.history().get("loss").get(0))
                .distinct()
                .toList();
        assertEquals(IrisTraining.SPLITS, firstEpochLosses.size(), "each split has its own rows and parameters");
    }

    @Test
    void reportsEachSplitAsCorrectOverTotalAndTheMean() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        IrisSample.report(result, iris.size(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(
                report.startsWith("IrisNet on 5 stratified 70/30 splits of 150 flowers, 500 epochs each (seed 7)\n"),
                report);
        Matcher splits = Pattern.compile("(?m)^  split (\\d): (\\d+)/45 \\(\\d+\\.\\d\\d%\\)$")
                .matcher(report);
        int count = 0;
        int correct = 0;
        while (splits.find()) {
            count++;
            assertEquals(count, Integer.parseInt(splits.group(1)));
            correct += Integer.parseInt(splits.group(2));
        }
        assertEquals(IrisTraining.SPLITS, count, report);
        assertTrue(
                report.endsWith(String.format(java.util.Locale.ROOT, "  mean: %.2f%%%n", 100.0 * correct / 225)),
                report);
    }

    @Test
    void writesTheMeanTrainingCurves(@TempDir Path directory) throws IOException {
        Path written = IrisSample.writeCurves(result, directory.resolve("pictures"));

        assertEquals(directory.resolve("pictures").resolve(IrisSample.CURVES), written);
        BufferedImage picture = ImageIO.read(written.toFile());
        assertEquals(2 * TrainingCurves.CHART_WIDTH, picture.getWidth());
        assertEquals(TrainingCurves.CHART_HEIGHT, picture.getHeight());
    }
}
