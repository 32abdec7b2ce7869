package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.reference.TrainableReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Early stopping waits {@code patience} epochs past the best, then stops and puts the best epoch's parameters back. */
class EarlyStoppingTest {

    /** The loss per epoch: best at epoch 2 (0-based), then worse three times. */
    private static final float[] LOSSES = {5, 3, 1, 1.5f, 2, 4, 0.5f, 0.1f};

    @Test
    void stopsAfterPatienceAndRestoresTheBestEpochsParameters() {
        EpochParameters recorder = new EpochParameters();
        EarlyStopping stopping = EarlyStopping.on("loss").patience(2);
        float[] parameters = {0.1f, 0.2f, 0f};

        History history = train(stopping, recorder, parameters);

        assertEquals(6, history.epochs(), "epochs 3, 4 and 5 do not improve on epoch 2; patience 2 stops after 5");
        assertEquals(2, stopping.bestEpoch());
        assertEquals(1.0, stopping.best());
        assertArrayEquals(recorder.afterEpoch.get(2), parameters);
        assertEquals(
                "early stopping: loss has not improved on 1.0000 (epoch 3) for 3 epochs; the parameters are those of"
                        + " epoch 3",
                history.stopReason().orElseThrow());
        assertFalse(recorder.afterEpoch.get(2)[0] == recorder.afterEpoch.get(5)[0], "the parameters moved after");
    }

    @Test
    void withoutRestoreTheLastEpochsParametersStay() {
        EpochParameters recorder = new EpochParameters();
        float[] parameters = {0.1f, 0.2f, 0f};

        History history = train(EarlyStopping.on("loss").patience(2).restoreBestWeights(false), recorder, parameters);

        assertArrayEquals(recorder.afterEpoch.get(history.epochs() - 1), parameters);
        assertTrue(history.stopReason().orElseThrow().endsWith("for 3 epochs"));
    }

    @Test
    void aRunWithoutStoppingStillEndsOnTheBestParameters() {
        EpochParameters recorder = new EpochParameters();
        float[] parameters = {0.1f, 0.2f, 0f};

        History history = train(EarlyStopping.on("loss").patience(10), recorder, parameters);

        assertEquals(LOSSES.length, history.epochs());
        assertTrue(history.stopReason().isEmpty());
        assertArrayEquals(recorder.afterEpoch.get(7), parameters, "epoch 7 has the lowest loss");
    }

    @Test
    void minDeltaIgnoresSmallImprovements() {
        EarlyStopping stopping = EarlyStopping.on("loss").patience(0).minDelta(2.5);

        History history = train(stopping, new EpochParameters(), new float[3]);

        assertEquals(2, history.epochs(), "3 is not better than 5 by more than 2.5");
        assertEquals(0, stopping.bestEpoch());
    }

    @Test
    void accuraciesAreMaximised() {
        boolean[] seen = new boolean[2];
        Callback probe = new Callback() {
            @Override
            public void trainingStarted(TrainingRun run) {
                seen[0] = run.higherIsBetter("val_accuracy") && run.higherIsBetter("accuracy");
                seen[1] = run.higherIsBetter("val_loss");
            }
        };
        Trainer.of(new TrainableReference(TrainingData.classifier()))
                .validationSplit(0.5)
                .metrics(Metric.accuracy())
                .callbacks(probe)
                .progress(Progress.silent())
                .fit(new float[22], TrainingData.halves(10, 1));

        assertTrue(seen[0]);
        assertFalse(seen[1]);
    }

    @Test
    void anUnknownMonitorIsRefusedBeforeTraining() {
        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class, () -> train(EarlyStopping.on("val_los"), null, new float[3]));

        assertEquals(
                "early stopping monitors 'val_los', which this training does not report; it reports loss,"
                        + " learning_rate",
                thrown.getMessage());
        IllegalArgumentException typo =
                assertThrows(IllegalArgumentException.class, () -> train(EarlyStopping.on("los"), null, new float[3]));
        assertTrue(typo.getMessage().endsWith("; did you mean 'loss'?"), typo.getMessage());
    }

    private static History train(EarlyStopping stopping, EpochParameters recorder, float[] parameters) {
        List<Callback> callbacks = new ArrayList<>();
        if (recorder != null) {
            callbacks.add(recorder);
        }
        callbacks.add(stopping);
        return Trainer.of(new ScriptedLoss(LOSSES))
                .optimizer(Sgd.builder().learningRate(0.1).build())
                .fullBatch()
                .epochs(LOSSES.length)
                .callbacks(callbacks.toArray(new Callback[0]))
                .progress(Progress.silent())
                .fit(parameters, TrainingData.line(8, 1));
    }

    /** A copy of the parameters at the end of every epoch. */
    private static final class EpochParameters implements Callback {

        final List<float[]> afterEpoch = new ArrayList<>();

        @Override
        public void epochEnded(TrainingRun run, Map<String, Double> figures) {
            afterEpoch.add(run.parameters().clone());
        }
    }
}
