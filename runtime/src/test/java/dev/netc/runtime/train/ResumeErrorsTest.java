package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.runtime.ForwardingTrainableNetwork;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.reference.TrainableReference;
import dev.netc.spec.CheckedNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint is resumed only by a training that would take the same steps; any other is refused before anything
 * changes, with every difference named (RELIABILITY F5).
 */
class ResumeErrorsTest {

    @TempDir
    Path directory;

    private Checkpoint checkpoint;

    @BeforeEach
    void writeCheckpoint() throws IOException {
        Path file = directory.resolve("run.ckpt");
        ResumeScenario.trainer(ResumeScenario.adam(), CheckpointCallback.to(file))
                .epochs(2)
                .fit(ResumeScenario.initialParameters(), ResumeScenario.data());
        checkpoint = Checkpoint.read(file);
    }

    @Test
    void anotherOptimizerKindIsRefused() {
        assertRefused(ResumeScenario.trainer(Sgd.builder().build()), "optimizer: checkpoint adam vs this training sgd");
    }

    @Test
    void anotherBatchSizeIsRefused() {
        assertRefused(
                ResumeScenario.trainer(ResumeScenario.adam()).batchSize(8),
                """
                batch size: checkpoint 7 vs this training 8
                  batches per epoch: checkpoint 7 vs this training 6""");
    }

    @Test
    void anotherSeedOrDataIsRefused() {
        assertRefused(
                ResumeScenario.trainer(ResumeScenario.adam()).seed(100), "seed: checkpoint 99 vs this training 100");
        assertRefused(
                ResumeScenario.trainer(ResumeScenario.adam()).validationSplit(0.5),
                """
                training samples: checkpoint 44 vs this training 30
                  batches per epoch: checkpoint 7 vs this training 5""");
    }

    @Test
    void anotherActivationIsRefusedNamingTheLayer() {
        CheckedNetwork relu = TrainingData.checked(
                """
                network: HalvesDropoutNet
                package: dev.netc.test
                input: [a, b]
                layers:
                  - {dense: 8, activation: relu, dropout: 0.25}
                  - {dense: 2, activation: softmax}
                loss: sparse_categorical_crossentropy
                """);
        assertRefused(
                ResumeScenario.trainer(relu, new TrainableReference(relu), ResumeScenario.adam()),
                "layer 'dense1': checkpoint activation tanh vs network relu");
    }

    @Test
    void anotherShapeIsRefusedNamingEachTensor() {
        CheckedNetwork wider = TrainingData.checked(
                """
                network: HalvesDropoutNet
                package: dev.netc.test
                input: [a, b]
                layers:
                  - {dense: 9, activation: tanh, dropout: 0.25}
                  - {dense: 2, activation: softmax}
                loss: sparse_categorical_crossentropy
                """);
        assertRefused(
                ResumeScenario.trainer(wider, new TrainableReference(wider), ResumeScenario.adam()),
                """
                tensor 'dense1.weight': file [8, 2] vs network [9, 2]
                  tensor 'dense1.bias': file [8] vs network [9]
                  tensor 'dense2.weight': file [2, 8] vs network [2, 9]""",
                new float[47]);
    }

    @Test
    void fewerEpochsThanDoneAndOtherEarlyStoppingAreRefusedTogether() {
        assertRefused(
                ResumeScenario.trainer(ResumeScenario.adam()).epochs(1).callbacks(EarlyStopping.on("val_accuracy")),
                """
                epochs: the checkpoint has completed 2, this training asks for only 1
                  early stopping: checkpoint [val_loss] vs this training [val_accuracy]""");
    }

    @Test
    void aCheckpointCallbackNeedsTheArchitectureOfANetworkThatStatesNone() {
        TrainableNetwork byHand = new ForwardingTrainableNetwork(new TrainableReference(ResumeScenario.NETWORK)) {
            @Override
            public Optional<Architecture> architecture() {
                return Optional.empty();
            }
        };
        Trainer trainer = Trainer.of(byHand)
                .callbacks(CheckpointCallback.to(directory.resolve("x.ckpt")))
                .progress(Progress.silent());
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> trainer.fit(ResumeScenario.initialParameters(), ResumeScenario.data()));
        assertEquals(
                "checkpoints to " + directory.resolve("x.ckpt")
                        + " record the network's architecture, which this network does not state: call"
                        + " Trainer.describedBy(checkedNetwork) first",
                refused.getMessage());
    }

    /** {@code trainer} refuses the checkpoint with exactly {@code differences}. */
    private void assertRefused(Trainer trainer, String differences) {
        assertRefused(trainer, differences, new float[checkpoint.parameters().length]);
    }

    /** As above, for a network of other parameters; they are left alone. */
    private void assertRefused(Trainer trainer, String differences, float[] parameters) {
        Arrays.fill(parameters, 0.25f);
        float[] before = parameters.clone();
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> trainer.resume(checkpoint, parameters, ResumeScenario.data()));
        assertEquals(
                "checkpoint " + checkpoint.source()
                        + " cannot be resumed by this training, which differs from the checkpoint's:\n  " + differences,
                refused.getMessage());
        assertArrayEquals(before, parameters);
    }
}
