package dev.netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Optimizer.Kind;
import dev.netc.runtime.io.CheckpointProgress.EpochTotals;
import dev.netc.runtime.io.SectionFile.Section;
import dev.netc.runtime.io.WeightFileException.Problem;
import dev.netc.runtime.optim.OptimizerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint survives saving and reading bit for bit, and a damaged or inconsistent one is refused by name. */
class CheckpointTest {

    @TempDir
    Path directory;

    private final Architecture architecture = Specs.architecture("iris");

    @Test
    void everyPartRoundTripsBitForBit() throws IOException {
        Checkpoint checkpoint = checkpoint(
                finite(1),
                new CheckpointHistory(
                        List.of("loss", "val_accuracy"),
                        List.of(List.of(0.5, Double.NaN)),
                        Optional.of("early stopping")));
        Path file = directory.resolve("run.ckpt");

        checkpoint.save(file);
        Checkpoint read = Checkpoint.read(file);

        assertArrayEquals(checkpoint.parameters(), read.parameters());
        assertEquals(checkpoint.optimizer(), read.optimizer());
        assertEquals(checkpoint.progress(), read.progress());
        assertEquals(checkpoint.history(), read.history());
        CheckpointEarlyStopping stopping = read.earlyStopping().get(0);
        assertEquals(
                List.of("val_loss", 0.25, 0, 1),
                List.of(stopping.monitor(), stopping.best(), stopping.bestEpoch(), stopping.waited()));
        assertArrayEquals(finite(2), stopping.bestParameters().orElseThrow());
        assertEquals(file.toString(), read.source());
        assertEquals(List.of(), read.differences(architecture));
    }

    @Test
    void theWeightsClassNamesAreKept() throws IOException {
        List<String> classes = List.of("setosa", "versicolor", "virginica");
        Checkpoint checkpoint = Checkpoint.of(
                WeightFile.of(architecture, finite(1), List.of()).withClasses(classes),
                adam(finite(1).length),
                progress(),
                oneEpoch(),
                List.of());
        Path file = directory.resolve("run.ckpt");

        checkpoint.save(file);

        assertEquals(classes, Checkpoint.read(file).weights().classes());
    }

    @Test
    void aWeightFileAndACheckpointAreNotTakenForEachOther() throws IOException {
        Path weights = directory.resolve("w.netc");
        WeightFile.of(architecture, finite(1), List.of()).save(weights);
        Path checkpoint = directory.resolve("run.ckpt");
        checkpoint(finite(1), oneEpoch()).save(checkpoint);

        WeightFileException notCheckpoint = assertThrows(WeightFileException.class, () -> Checkpoint.read(weights));
        WeightFileException notWeights = assertThrows(WeightFileException.class, () -> WeightFile.read(checkpoint));

        assertEquals(
                weights + ": expected a checkpoint (kind CKPT), found a netc file of kind WGHT, which holds weights"
                        + " but no training state; read it with WeightFile.read [weights:not-a-weight-file]",
                notCheckpoint.getMessage());
        assertTrue(
                notWeights
                        .getMessage()
                        .endsWith(
                                "found a netc file of kind CKPT; read it with Checkpoint.read, whose weights() are its weights"
                                        + " [weights:not-a-weight-file]"),
                notWeights.getMessage());
    }

    @Test
    void aFlippedByteInTheOptimizerSectionIsACorruptOptimizerSection() throws IOException {
        Path file = directory.resolve("run.ckpt");
        checkpoint(finite(1), oneEpoch()).save(file);
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, "adam".getBytes(StandardCharsets.US_ASCII));
        bytes[at] ^= 1;
        Files.write(file, bytes);

        WeightFileException corrupt = assertThrows(WeightFileException.class, () -> Checkpoint.read(file));

        assertEquals(Problem.CHECKSUM_MISMATCH, corrupt.problem());
        assertTrue(corrupt.getMessage().startsWith(file + ": section 'optimizer': checksum mismatch"));
    }

    @Test
    void sectionsThatDisagreeAreRefused() throws IOException {
        Path file = directory.resolve("run.ckpt");
        List<Section> sections = new ArrayList<>(
                WeightFile.of(architecture, finite(1), List.of()).sections());
        sections.add(new Section(CheckpointCodec.OPTIMIZER, CheckpointCodec.encodeOptimizer(adam(finite(1).length))));
        sections.add(new Section(CheckpointCodec.PROGRESS, CheckpointCodec.encodeProgress(progress())));
        sections.add(new Section(
                CheckpointCodec.HISTORY,
                CheckpointCodec.encodeHistory(new CheckpointHistory(List.of("loss"), List.of(), Optional.empty()))));
        sections.add(new Section(CheckpointCodec.EARLY_STOPPING, CheckpointCodec.encodeEarlyStopping(List.of())));
        SectionFile.write(file, Checkpoint.KIND, sections);

        WeightFileException refused = assertThrows(WeightFileException.class, () -> Checkpoint.read(file));

        assertEquals(
                file + ": the sections disagree: the history has 0 epochs, expected 1 (the epochs before epoch 2)"
                        + " [weights:malformed]",
                refused.getMessage());
    }

    @Test
    void aMissingSectionIsNamed() throws IOException {
        Path file = directory.resolve("run.ckpt");
        SectionFile.write(
                file,
                Checkpoint.KIND,
                WeightFile.of(architecture, finite(1), List.of()).sections());

        WeightFileException refused = assertThrows(WeightFileException.class, () -> Checkpoint.read(file));

        assertEquals(Problem.MISSING_SECTION, refused.problem());
        assertTrue(refused.getMessage().contains("expected a section 'optimizer'"), refused.getMessage());
    }

    @Test
    void aCheckpointOfNonFiniteValuesCannotBeMade() {
        float[] parameters = finite(1);
        parameters[7] = Float.NaN;

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> checkpoint(parameters, oneEpoch()));

        assertEquals(
                "checkpoint of IrisNet: parameter 7 is NaN; a checkpoint holds finite values", refused.getMessage());
    }

    private Checkpoint checkpoint(float[] parameters, CheckpointHistory history) {
        return Checkpoint.of(
                WeightFile.of(architecture, parameters, List.of()),
                adam(parameters.length),
                progress(),
                history,
                List.of(new CheckpointEarlyStopping("val_loss", 0.25, 0, 1, finite(2))));
    }

    /** Epoch 2 of 4, after 3 of its 5 batches. */
    private static CheckpointProgress progress() {
        return new CheckpointProgress(1, 3, 4, 5, 8, 40, true, -7L, 1, new EpochTotals(1.5, 24, 3.25, 1.5, 3));
    }

    private static CheckpointHistory oneEpoch() {
        return new CheckpointHistory(List.of("loss"), List.of(List.of(0.75)), Optional.empty());
    }

    private static OptimizerState adam(int count) {
        float[] first = new float[count];
        float[] second = new float[count];
        Arrays.fill(first, -0.0f);
        Arrays.fill(second, Float.MIN_VALUE);
        return new OptimizerState(Kind.ADAM, 11, 0.0125, Map.of("exp_avg", first, "exp_avg_sq", second));
    }

    private float[] finite(long seed) {
        float[] values = Specs.parameters(architecture, seed);
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                values[i] = i;
            }
        }
        return values;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
