package dev.netc.samples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sample says without the data set, and that its class names are the spec's. Needs no data set. */
class FashionMnistTest {

    @Test
    void aMissingFolderIsReportedWithTheInstallCommand(@TempDir Path directory) {
        Path absent = directory.resolve("fashion-mnist");

        DataException e = assertThrows(DataException.class, () -> FashionMnist.read(absent, "train"));

        assertEquals(
                "Fashion-MNIST is not installed: expected its four IDX files in " + absent + ", found no such folder."
                        + " Install it with `sudo apt-get install dataset-fashion-mnist` (Debian, Ubuntu), or pass"
                        + " --data with a folder holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
                        + " t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz from"
                        + " https://github.com/zalandoresearch/fashion-mnist",
                e.getMessage());
    }

    @Test
    void aFolderMissingSomeFilesNamesThem(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("train-images-idx3-ubyte.gz"), "");
        Files.writeString(directory.resolve("t10k-images-idx3-ubyte.gz"), "");

        assertFalse(FashionMnist.isIn(directory));
        String message = FashionMnist.missing(directory);
        assertTrue(message.contains("found no train-labels-idx1-ubyte.gz, no t10k-labels-idx1-ubyte.gz."), message);
    }

    @Test
    void theClassNamesAreTheSpecsInOrder() throws IOException {
        String classes = Files.readAllLines(Path.of("src/main/netc/fashion.yaml")).stream()
                .filter(line -> line.startsWith("classes: "))
                .findFirst()
                .orElseThrow();

        assertEquals("classes: [" + String.join(", ", FashionMnist.CLASSES) + "]", classes);
        assertEquals(
                List.of("T-shirt/top", "Ankle boot"),
                List.of(FashionMnist.CLASSES.get(0), FashionMnist.CLASSES.get(9)));
    }
}
