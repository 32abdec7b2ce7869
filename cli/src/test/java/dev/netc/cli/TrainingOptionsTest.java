package dev.netc.cli;

import static dev.netc.cli.NetcRun.netc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.WeightFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netc train}'s options for the training loop: validation and early stopping, schedules, clipping, the history
 * file, and checkpoints that a later run resumes to the same bits as a run never stopped.
 */
class TrainingOptionsTest {

    private static final String IRIS_SPEC = "src/test/resources/specs/iris.yaml";
    private static final String IRIS_DATA = "../data/iris/iris.csv";

    @TempDir
    Path dir;

    @Test
    void patienceStopsWhenTheValidationLossStopsImproving() throws IOException {
        Path history = dir.resolve("history.csv");

        NetcRun run = train(
                "--epochs",
                "300",
                "--optimizer",
                "adam",
                "--lr",
                "0.05",
                "--validation-split",
                "0.2",
                "--patience",
                "5",
                "--history",
                history.toString());

        assertEquals(0, run.exitCode(), run.describe());
        List<String> lines = Files.readAllLines(history);
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,learning_rate", lines.get(0));
        int epochs = lines.size() - 1;
        assertTrue(epochs < 300, "stopped after " + epochs + " of 300 epochs");
    }

    @Test
    void aStepScheduleSetsEachEpochsRate() throws IOException {
        Path history = dir.resolve("history.csv");

        NetcRun run =
                train("--epochs", "5", "--lr", "0.08", "--schedule", "step:2:0.5", "--history", history.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of(0.08, 0.08, 0.04, 0.04, 0.02), column(history, "learning_rate"));
    }

    @Test
    void clippingReportsTheGradientNorms() throws IOException {
        Path history = dir.resolve("history.csv");

        NetcRun run = train("--epochs", "3", "--clip-norm", "0.5", "--history", history.toString());

        assertEquals(0, run.exitCode(), run.describe());
        List<Double> norms = column(history, "gradient_norm");
        assertEquals(3, norms.size());
        assertTrue(norms.stream().allMatch(norm -> norm > 0 && Double.isFinite(norm)), norms::toString);
    }

    /** Two epochs saved in a checkpoint, then two more resumed from it, end with the bits of four in one run. */
    @Test
    void aResumedRunEndsAsOneNeverStopped() throws IOException {
        Path straight = dir.resolve("straight.netc");
        Path resumed = dir.resolve("resumed.netc");
        Path checkpoint = dir.resolve("run.ckpt");

        NetcRun once = train("--epochs", "4", "--out", straight.toString());
        NetcRun first = train("--epochs", "2", "--checkpoint", checkpoint.toString(), "--out", resumed.toString());
        int epochsSaved = Checkpoint.read(checkpoint).progress().epoch();
        NetcRun rest =
                train("--epochs", "4", "--checkpoint", checkpoint.toString(), "--resume", "--out", resumed.toString());

        assertEquals(0, once.exitCode(), once.describe());
        assertEquals(0, first.exitCode(), first.describe());
        assertEquals(0, rest.exitCode(), rest.describe());
        assertEquals(2, epochsSaved, "epochs done when the first run saved");
        float[] expected = WeightFile.read(straight).parameters();
        float[] found = WeightFile.read(resumed).parameters();
        assertArrayEquals(expected, found); // compares each float's bits
    }

    @Test
    void theSpecsTrainingDefaultsApplyUnlessTheCommandLineSetsThem() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("iris.yaml"),
                Files.readString(Path.of(IRIS_SPEC)) + "training: {epochs: 3, batch_size: 8}\n");
        Path stated = dir.resolve("stated.csv");
        Path chosen = dir.resolve("chosen.csv");

        NetcRun byDefault = netc(
                "train",
                spec.toString(),
                "--data",
                IRIS_DATA,
                "--quiet",
                "--history",
                stated.toString(),
                "--out",
                dir.resolve("a.netc").toString());
        NetcRun overridden = netc(
                "train",
                spec.toString(),
                "--data",
                IRIS_DATA,
                "--quiet",
                "--epochs",
                "2",
                "--history",
                chosen.toString(),
                "--out",
                dir.resolve("b.netc").toString());

        assertEquals(0, byDefault.exitCode(), byDefault.describe());
        assertEquals(0, overridden.exitCode(), overridden.describe());
        assertEquals(3, Files.readAllLines(stated).size() - 1, "epochs the spec states");
        assertEquals(2, Files.readAllLines(chosen).size() - 1, "epochs --epochs sets");
    }

    @Test
    void mistakesInTheseOptionsAreUsageErrors() {
        String out = dir.resolve("iris.netc").toString();

        List<NetcRun> runs = List.of(
                train("--patience", "3", "--out", out),
                train("--validation-split", "1.5", "--out", out),
                train("--schedule", "step:two:0.5", "--out", out),
                train("--schedule", "linear", "--out", out),
                train("--clip-norm", "0", "--out", out),
                train("--resume", "--out", out));

        assertEquals(
                List.of(
                        "netc train: --patience takes a number of epochs of at least 1, and needs --validation-split",
                        "netc train: --validation-split takes a fraction between 0 and 1, found 1.5",
                        "netc train: --schedule step:two:0.5: N must be a whole number, found 'two'",
                        "netc train: --schedule linear: expected cosine, step:N:GAMMA or exponential:GAMMA, found linear",
                        "netc train: --clip-norm must be a finite positive number, found 0.0",
                        "netc train: --resume continues the run saved in --checkpoint FILE, which is missing"),
                runs.stream().map(run -> run.err().strip()).toList());
        assertTrue(runs.stream().allMatch(run -> run.exitCode() == 2));
    }

    /** {@code netc train} of Iris, quietly, with {@code options} (and an {@code --out} of its own unless given). */
    private NetcRun train(String... options) {
        List<String> args = new ArrayList<>(List.of("train", IRIS_SPEC, "--data", IRIS_DATA, "--seed", "3", "--quiet"));
        args.addAll(List.of(options));
        if (!args.contains("--out")) {
            args.addAll(List.of("--out", dir.resolve("iris.netc").toString()));
        }
        return netc(args.toArray(String[]::new));
    }

    /** The values of one column of a history CSV file. */
    private static List<Double> column(Path history, String name) throws IOException {
        List<String> lines = Files.readAllLines(history);
        int index = Arrays.asList(lines.get(0).split(",")).indexOf(name);
        assertTrue(index > 0, () -> "no column " + name + " in " + lines.get(0));
        return lines.subList(1, lines.size()).stream()
                .map(line -> Double.parseDouble(line.split(",")[index]))
                .toList();
    }
}
