package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.reference.TrainableReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When and what the checkpoint callback saves, and that a diverging run never replaces the last good checkpoint. */
class CheckpointCallbackTest {

    @TempDir
    Path directory;

    @Test
    void aDivergingRunKeepsTheLastGoodCheckpoint() throws IOException {
        Path file = directory.resolve("run.ckpt");
        float[] parameters = ResumeScenario.initialParameters();
        // the 10th call of lossAndGradient (steps and validation losses count) gets a NaN gradient, whose update
        // makes a parameter NaN
        Faulty network = new Faulty(new TrainableReference(ResumeScenario.NETWORK), 9, 0);

        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class, () -> ResumeScenario.trainer(
                        network,
                        ResumeScenario.adam(),
                        CheckpointCallback.to(file).everyBatches(1))
                .fit(parameters, ResumeScenario.data()));

        Checkpoint kept = Checkpoint.read(file);
        assertEquals(1, diverged.epoch(), diverged.getMessage());
        assertEquals(
                List.of(diverged.epoch(), diverged.batch()),
                List.of(kept.progress().epoch(), kept.progress().batch()),
                "the checkpoint continues at the failing batch");
        ResumeTest.assertSameBits(parameters, kept.parameters(), "the parameters before the failing batch");
    }

    /** A generated class (here the reference, which states what one states) needs no checked network to checkpoint. */
    @Test
    void aNetworkThatStatesItsArchitectureCheckpointsWithoutItsCheckedNetwork() throws IOException {
        Path file = directory.resolve("run.ckpt");

        Trainer.of(new TrainableReference(ResumeScenario.NETWORK))
                .optimizer(ResumeScenario.adam())
                .callbacks(CheckpointCallback.to(file))
                .progress(Progress.silent())
                .fit(ResumeScenario.initialParameters(), ResumeScenario.data());

        assertEquals(
                Architecture.of(ResumeScenario.NETWORK),
                Checkpoint.read(file).weights().architecture());
    }

    @Test
    void savesAtEpochEndsByDefaultAndCountsStepsOverTheRun() throws IOException {
        Path file = directory.resolve("run.ckpt");
        List<String> positions = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void batchEnded(TrainingRun run, float loss) {
                record(run);
            }

            @Override
            public void epochEnded(TrainingRun run, Map<String, Double> figures) {
                record(run);
            }

            private void record(TrainingRun run) {
                try {
                    Checkpoint saved = Checkpoint.read(file);
                    String at =
                            saved.progress().epoch() + ":" + saved.progress().batch();
                    if (positions.isEmpty()
                            || !positions.get(positions.size() - 1).equals(at)) {
                        positions.add(at);
                    }
                } catch (IOException e) {
                    // not written yet
                }
            }
        };

        ResumeScenario.trainer(
                        ResumeScenario.adam(), CheckpointCallback.to(file).everyBatches(5), recorder)
                .epochs(2)
                .fit(ResumeScenario.initialParameters(), ResumeScenario.data());

        // steps 5 and 10 (epoch 2, batch 3), and the two epoch ends; the recorder runs before the checkpoint callback
        assertEquals(List.of("0:5", "1:0", "1:3"), positions);
        assertEquals(
                List.of(2, 0),
                List.of(
                        Checkpoint.read(file).progress().epoch(),
                        Checkpoint.read(file).progress().batch()));
    }
}
