package dev.netc.samples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.train.Progress;
import dev.netc.samples.digits.ImagePictures;
import dev.netc.samples.digits.ImageTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample end to end at its default setting, trained once for all tests: at least 86.5% of the 10,000 test images
 * after 5 epochs of Adam (PyTorch, same setup: 87.1%). Needs Fashion-MNIST installed ({@link FashionMnist}); without
 * it every test fails with the install command, unless the system property {@value #SKIP} is {@code true} ({@code mvn
 * verify -Dnetc.skipFashionMnist=true}), which skips them instead. A missing data set never passes silently.
 */
class FashionSampleTest {

    static final String SKIP = "netc.skipFashionMnist";

    private static Dataset train;
    private static ImageTraining.Result result;

    @BeforeAll
    static void train() {
        Path folder = Path.of(FashionMnist.INSTALLED_FOLDER);
        if (!FashionMnist.isIn(folder)) {
            assumeFalse(Boolean.getBoolean(SKIP), "Fashion-MNIST is not installed, and -D" + SKIP + "=true skips");
            fail(FashionMnist.missing(folder) + "; or skip these tests with -D" + SKIP + "=true");
        }
        train = FashionMnist.read(folder, "train");
        Dataset test = FashionMnist.read(folder, "t10k");
        result = ImageTraining.run(
                new FashionNet(), train, test, FashionSample.EPOCHS, FashionSample.SEED, Progress.silent());
    }

    @Test
    void classifiesAtLeast86AndAHalfPercentOfTheTestImagesAfterFiveEpochs() {
        assertEquals(5, FashionSample.EPOCHS);
        assertEquals(60_000, train.size());
        assertEquals(10_000, result.test().size());
        assertEquals(5, result.history().epochs());
        assertTrue(result.accuracy() >= 0.865, "test accuracy " + result.accuracy());
    }

    @Test
    void theConfusionMatrixNamesTheClothes() {
        assertEquals(10_000, result.confusion().total());
        assertEquals(FashionMnist.CLASSES, result.confusion().classNames());
        for (int c = 0; c < 10; c++) {
            assertEquals(1000, result.confusion().support(c), FashionMnist.CLASSES.get(c));
        }
    }

    @Test
    void writesTheCurvesAndTheMisclassifiedImages(@TempDir Path directory) throws IOException {
        List<Path> written =
                new ImagePictures("FashionNet", "images").write(result, train.size(), FashionSample.PREFIX, directory);

        assertEquals(
                List.of(directory.resolve("fashion-training.png"), directory.resolve("fashion-misclassified.png")),
                written);
        for (Path file : written) {
            assertTrue(Files.size(file) > 10_000, file + " has " + Files.size(file) + " bytes");
        }
    }
}
