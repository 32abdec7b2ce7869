package dev.netc.samples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.WeightFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weight file the trainer writes is the one the application reads, and anything else is refused by name. */
class IrisWeightsTest {

    @TempDir
    Path directory;

    @Test
    void weightsWithoutStandardisationAreRefused() throws Exception {
        Path file = directory.resolve("bare.netc");
        WeightFile.of(IrisNet.ARCHITECTURE, IrisNet.newParameters(1L), List.of())
                .save(file);

        IOException e = assertThrows(IOException.class, () -> IrisModel.load(file));

        assertEquals(file + ": expected one preprocessing step, standardize, found none", e.getMessage());
    }

    @Test
    void weightsOfAnotherNetworkAreRefused() throws Exception {
        Path file = directory.resolve("wide.netc");
        Architecture wide = new Architecture(
                "WideNet",
                4,
                List.of(new Architecture.Layer(
                        "dense1", Architecture.DENSE, List.of("input"), 4, 3, true, "softmax", 0)));
        WeightFile.of(wide, new float[15], List.of()).save(file);

        IOException e = assertThrows(IOException.class, () -> IrisModel.load(file));

        assertTrue(e.getMessage().contains("the weights do not fit network IrisNet"), e.getMessage());
    }

    @Test
    void aFileThatIsNoWeightFileIsRefused() throws Exception {
        Path file = Files.writeString(directory.resolve("notes.netc"), "not weights");

        IOException e = assertThrows(IOException.class, () -> IrisModel.load(file));

        assertTrue(e.getMessage().contains("[weights:not-a-weight-file]"), e.getMessage());
    }
}
