package dev.netc.samples.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.train.Progress;
import dev.netc.samples.common.ImageGrid;
import dev.netc.samples.common.TrainingCurves;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample end to end on its fixed seed, trained once for all tests: the sample's floor (at least 94.5% of the 2,000
 * held-out digits; PyTorch, same setup, 10 epochs: 95.2%), the confusion matrix, the report and the two pictures.
 */
class DigitsSampleTest {

    private static final Path MNIST = Path.of("../../data/mnist-10k");

    private static Dataset train;
    private static ImageTraining.Result result;

    @BeforeAll
    static void train() {
        train = ImageTraining.read(MNIST, "train", DigitsSample.CLASSES);
        Dataset test = ImageTraining.read(MNIST, "t10k", DigitsSample.CLASSES);
        result = ImageTraining.run(
                new DigitsNet(), train, test, DigitsSample.EPOCHS, DigitsSample.SEED, Progress.silent());
    }

    @Test
    void classifiesAtLeast94AndAHalfPercentOfTheHeldOutDigits() {
        assertEquals(8000, train.size());
        assertEquals(2000, result.test().size());
        assertTrue(result.accuracy() >= 0.945, "test accuracy " + result.accuracy());
    }

    @Test
    void theConfusionMatrixCountsEveryTestDigitOnce() {
        assertEquals(2000, result.confusion().total());
        assertEquals(DigitsSample.CLASSES, result.confusion().classNames());
        int[] classCounts = result.test().classCounts();
        for (int c = 0; c < classCounts.length; c++) {
            assertEquals(classCounts[c], result.confusion().support(c), "digit " + c);
        }
        assertEquals(result.accuracy(), result.correct() / 2000.0, 1e-12);
    }

    @Test
    void theHistoryHasEveryEpochAndEndsAtTheTestedNetwork() {
        assertEquals(DigitsSample.EPOCHS, result.history().epochs());
        assertEquals(result.accuracy(), result.history().last("val_accuracy"), 1e-9);
        assertTrue(result.history().last("loss") < result.history().get("loss").get(0));
    }

    @Test
    void reportsTheAccuracyAndTheConfusionMatrixAsATable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ImageReport.print(result, "digits", new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(
                lines.get(0).matches("test accuracy: 9\\d\\.\\d\\d% \\(\\d{4} of 2,000 test digits right\\)"),
                lines.get(0));
        int header = lines.indexOf("confusion matrix (rows: the true class; columns: the network's answer)");
        assertTrue(lines.get(header + 1).startsWith("actual \\ predicted"), lines.get(header + 1));
        for (int digit = 0; digit < 10; digit++) {
            String row = lines.get(header + 2 + digit);
            assertTrue(row.startsWith(Integer.toString(digit)), row);
            assertEquals(11, row.trim().split(" +").length, "the digit and ten counts: " + row);
        }
    }

    @Test
    void writesTheCurvesAndTheMisclassifiedDigits(@TempDir Path directory) throws IOException {
        List<Path> written =
                new ImagePictures("DigitsNet", "digits").write(result, train.size(), DigitsSample.PREFIX, directory);

        assertEquals(
                List.of(directory.resolve("digits-training.png"), directory.resolve("digits-misclassified.png")),
                written);
        BufferedImage curves = ImageIO.read(written.get(0).toFile());
        assertEquals(2 * TrainingCurves.CHART_WIDTH, curves.getWidth());
        BufferedImage misclassified = ImageIO.read(written.get(1).toFile());
        ImageGrid grid = new ImageGrid(ImageTraining.SIDE, ImagePictures.SCALE, ImagePictures.COLUMNS);
        long wrong = 2000 - result.correct();
        assertEquals(grid.width(), misclassified.getWidth());
        assertEquals(grid.height((int) Math.min(wrong, ImagePictures.SHOWN)), misclassified.getHeight());
    }
}
