package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.reference.TrainableReference;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A NaN or an infinity stops training at its batch with a message that says where and why, and leaves the parameters
 * as they were before that batch, whether the loss showed it (nothing updated), clipping's norm showed it (nothing
 * updated) or only the parameters did (the epoch replayed).
 */
class DivergenceTest {

    @Test
    void aNanInTheDataStopsTrainingNamingTheSample() {
        Dataset clean = TrainingData.line(40, 1);
        float[] features = clean.features().clone();
        features[2 * 29 + 1] = Float.NaN; // feature 1 of row 29
        Dataset data =
                Dataset.ofTargets(features, new int[] {2}, clean.targets(), 1).withFeatureNames(List.of("x0", "x1"));
        ParameterRecorder recorder = new ParameterRecorder();
        float[] parameters = {0.1f, 0.2f, 0f};

        TrainingDivergedException diverged =
                assertThrows(TrainingDivergedException.class, () -> Trainer.of(new LinearModel(2))
                        .optimizer(Sgd.builder().learningRate(0.05).build())
                        .batchSize(4)
                        .epochs(3)
                        .callbacks(recorder)
                        .progress(Progress.silent())
                        .fit(parameters, data));

        int batch = recorder.batchesSeen(); // the batches before the failing one all ended
        assertEquals(0, diverged.epoch());
        assertEquals(batch, diverged.batch());
        assertEquals(
                "training diverged at epoch 1/3, batch " + (batch + 1) + "/10: the loss is NaN; feature 'x1' (index 1)"
                        + " of training sample 29 (0-based row of the training data) is NaN; the parameters are those"
                        + " before this batch",
                diverged.getMessage());
        assertEquals(Optional.empty(), diverged.layer());
        assertArrayEquals(recorder.last(), parameters);
        assertEquals(diverged.getMessage(), diverged.history().stopReason().orElseThrow());
        assertEquals(0, diverged.history().epochs());
    }

    @Test
    void anUpdateThatOverflowsIsUndoneAndItsLayerNamed() {
        CheckedNetwork checked = TrainingData.checked(
                """
                network: Wide
                package: dev.netc.test
                input: 2
                layers:
                  - {dense: 3, activation: tanh, name: hidden}
                  - {dense: 1, activation: linear, name: out}
                loss: mean_squared_error
                """);
        TrainableNetwork network = new TrainableReference(checked);
        float[] parameters = network.initialParameters(4);
        Dataset line = TrainingData.line(30, 2);
        float[] targets = line.targets().clone();
        for (int i = 0; i < targets.length; i++) {
            targets[i] += 1000; // a gradient in the thousands, times the rate, overflows at the first step
        }
        Dataset farTargets = Dataset.ofTargets(line.features(), new int[] {2}, targets, 1);
        ParameterRecorder recorder = new ParameterRecorder();

        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class, () -> Trainer.of(network)
                .describedBy(checked)
                .optimizer(Sgd.builder().learningRate(1e38).build())
                .batchSize(10)
                .epochs(2)
                .callbacks(recorder)
                .progress(Progress.silent())
                .fit(parameters, farTargets));

        assertEquals(0, diverged.epoch());
        assertEquals(0, diverged.batch());
        assertTrue(
                diverged.getMessage()
                        .matches("training diverged at epoch 1/2, batch 1/3: the update made hidden\\.weight\\[0, 0\\]"
                                + " \\(layer hidden\\) -?Infinity; its gradient was finite \\(.*\\), so the step"
                                + " overflowed: lower the learning rate \\(now 1\\.0E38\\) or clip the gradient norm;"
                                + " the parameters are restored to those before this batch"),
                diverged.getMessage());
        assertEquals(Optional.of("hidden"), diverged.layer());
        assertArrayEquals(network.initialParameters(4), parameters);
    }

    @Test
    void aNanGradientWithoutClippingIsCaughtInTheParametersAndTheEpochReplayed() {
        LinearModel model = new LinearModel(2);
        int badCall = 5 + 2; // epoch 1 (5 batches each), batch 2
        float[] parameters = {0.1f, 0.2f, 0f};
        ParameterRecorder recorder = new ParameterRecorder();

        TrainingDivergedException diverged =
                assertThrows(TrainingDivergedException.class, () -> Trainer.of(new Faulty(model, badCall, 1))
                        .optimizer(Adam.builder().learningRate(0.01).build())
                        .batchSize(4)
                        .epochs(3)
                        .callbacks(recorder)
                        .progress(Progress.silent())
                        .fit(parameters, TrainingData.line(20, 3)));

        assertEquals(
                "training diverged at epoch 2/3, batch 3/5: the update made parameter 1 NaN; its gradient had a"
                        + " non-finite value: parameter 1 is NaN; the parameters are restored to those before this"
                        + " batch",
                diverged.getMessage());
        assertArrayEquals(recorder.last(), parameters);
        assertEquals(1, diverged.history().epochs());
    }

    @Test
    void aNanGradientWithClippingIsCaughtByTheNormBeforeTheUpdate() {
        LinearModel model = new LinearModel(2);
        float[] parameters = {0.1f, 0.2f, 0f};
        ParameterRecorder recorder = new ParameterRecorder();

        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class, () -> Trainer.of(
                        new Faulty(model, 3, 2))
                .optimizer(Sgd.builder().learningRate(0.01).momentum(0.9).build())
                .clipGradientNorm(1)
                .batchSize(4)
                .epochs(3)
                .callbacks(recorder)
                .progress(Progress.silent())
                .fit(parameters, TrainingData.line(20, 3)));

        assertEquals(
                "training diverged at epoch 1/3, batch 4/5: the gradient of parameter 2 is NaN; the parameters are"
                        + " those before this batch",
                diverged.getMessage());
        assertArrayEquals(recorder.last(), parameters);
    }

    /** Keeps a copy of the parameters after every step, and the initial ones. */
    private static final class ParameterRecorder implements Callback {

        private float[] last;
        private int batches;

        @Override
        public void trainingStarted(TrainingRun run) {
            last = run.parameters().clone();
        }

        @Override
        public void batchEnded(TrainingRun run, float loss) {
            last = run.parameters().clone();
            batches++;
        }

        float[] last() {
            return last;
        }

        int batchesSeen() {
            return batches;
        }
    }
}
