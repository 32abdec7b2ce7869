package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Optimizer.Kind;
import dev.netc.runtime.ForwardingTrainableNetwork;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.optim.GradientClipping;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.optim.Schedule;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.reference.TrainableReference;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The loop's contract: epochs, batches, validation, figures, schedules, clipping, evaluation and argument checks. */
class TrainerTest {

    @Test
    void fitsALineAndRecordsEveryFigureOfEveryEpoch() {
        LinearModel model = new LinearModel(2);
        float[] parameters = model.initialParameters(0);

        History history = Trainer.of(model)
                .optimizer(Sgd.builder().learningRate(0.1).build())
                .batchSize(8)
                .epochs(40)
                .validation(TrainingData.line(50, 2))
                .metrics(Metric.meanAbsoluteError())
                .progress(Progress.silent())
                .fit(parameters, TrainingData.line(200, 1));

        assertEquals(
                List.of("loss", "mean_absolute_error", "val_loss", "val_mean_absolute_error", "learning_rate"),
                history.names());
        assertEquals(40, history.epochs());
        for (String name : history.names()) {
            assertEquals(40, history.get(name).size(), name);
        }
        assertTrue(history.last("val_loss") < 1e-6, "val_loss " + history.last("val_loss"));
        assertTrue(
                history.get("loss").get(0) > 100 * history.last("loss"),
                history.get("loss").toString());
        assertArrayEquals(new float[] {2f, -1f, 0.5f}, parameters, 1e-3f);
        assertTrue(history.stopReason().isEmpty());
    }

    @Test
    void batchesRunFromOneSampleToTheWholeSet() {
        Dataset data = TrainingData.line(10, 3);
        assertEquals(10, stepsPerEpoch(Trainer.of(new LinearModel(2)).batchSize(1), new float[3], data));
        assertEquals(3, stepsPerEpoch(Trainer.of(new LinearModel(2)).batchSize(4), new float[3], data)); // 4 + 4 + 2
        assertEquals(1, stepsPerEpoch(Trainer.of(new LinearModel(2)).batchSize(10), new float[3], data));
        assertEquals(1, stepsPerEpoch(Trainer.of(new LinearModel(2)).fullBatch(), new float[3], data));
    }

    @Test
    void aValidationSplitHoldsOutThatShareOfTheTrainingData() {
        TrainableReference network = new TrainableReference(TrainingData.classifier());
        Trainer trainer = Trainer.of(network).batchSize(1).validationSplit(0.2).metrics(Metric.accuracy());

        assertEquals(80, stepsPerEpoch(trainer, network.initialParameters(1), TrainingData.halves(100, 4)));
        History history =
                trainer.progress(Progress.silent()).fit(network.initialParameters(1), TrainingData.halves(100, 4));
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy", "learning_rate"), history.names());
    }

    @Test
    void theDefaultOptimizerIsTheOneTheNetworkStates() {
        TrainableReference network = new TrainableReference(TrainingData.classifier());
        float[] parameters = network.initialParameters(1);
        OptimizerSpec adam = OptimizerSpec.defaults(Kind.ADAM).with(OptimizerSpec.LEARNING_RATE, 0.05);
        TrainableNetwork statingAdam = new ForwardingTrainableNetwork(network) {
            @Override
            public Optional<OptimizerSpec> statedOptimizer() {
                return Optional.of(adam);
            }
        };

        float[] byDefault = parameters.clone();
        float[] chosen = parameters.clone();

        History stated = Trainer.of(network).progress(Progress.silent()).fit(parameters, TrainingData.halves(20, 5));
        Trainer.of(statingAdam).progress(Progress.silent()).fit(byDefault, TrainingData.halves(20, 5));
        Trainer.of(network)
                .optimizer(Optimizer.of(adam))
                .progress(Progress.silent())
                .fit(chosen, TrainingData.halves(20, 5));
        History none =
                Trainer.of(new LinearModel(2)).progress(Progress.silent()).fit(new float[3], TrainingData.line(20, 5));

        assertEquals(List.of(0.5), stated.get("learning_rate"), "the spec's sgd at 0.5");
        assertArrayEquals(chosen, byDefault, "adam stated, as if chosen");
        assertFalse(Arrays.equals(parameters, byDefault), "adam's steps are not sgd's");
        assertEquals(List.of(0.01), none.get("learning_rate"), "none stated: sgd at 0.01");
    }

    @Test
    void theStatedEpochsAndBatchSizeAreTheDefaults() {
        TrainableNetwork stating = new ForwardingTrainableNetwork(new LinearModel(2)) {
            @Override
            public Optional<TrainingSpec> statedTraining() {
                return Optional.of(TrainingSpec.NONE.withEpochs(3).withBatchSize(5));
            }
        };
        int[] steps = new int[2];
        Callback counter = new Callback() {
            @Override
            public void batchEnded(TrainingRun run, float loss) {
                steps[run.epoch() == 0 ? 0 : 1]++;
            }
        };

        History stated = Trainer.of(stating)
                .callbacks(counter)
                .progress(Progress.silent())
                .fit(new float[3], TrainingData.line(20, 5));
        History chosen = Trainer.of(stating)
                .epochs(2)
                .batchSize(20)
                .progress(Progress.silent())
                .fit(new float[3], TrainingData.line(20, 5));

        assertEquals(3, stated.epochs());
        assertEquals(4, steps[0], "steps in the first epoch: 20 samples in batches of 5");
        assertEquals(2, chosen.epochs(), "set in code, the epochs are code's");
    }

    @Test
    void aCheckedNetworkStatesTheOptimizerOfANetworkThatStatesNone() {
        TrainableReference reference = new TrainableReference(TrainingData.classifier());
        TrainableNetwork statingNone = new ForwardingTrainableNetwork(reference) {
            @Override
            public Optional<OptimizerSpec> statedOptimizer() {
                return Optional.empty();
            }
        };
        float[] parameters = reference.initialParameters(1);

        History described = Trainer.of(statingNone)
                .describedBy(reference.network())
                .progress(Progress.silent())
                .fit(parameters, TrainingData.halves(20, 5));

        assertEquals(List.of(0.5), described.get("learning_rate"));
    }

    @Test
    void aScheduleSetsEachEpochsLearningRate() {
        History history = Trainer.of(new LinearModel(2))
                .optimizer(Sgd.builder().learningRate(0.1).build())
                .schedule(Schedule.step(2, 0.5))
                .epochs(5)
                .progress(Progress.silent())
                .fit(new float[3], TrainingData.line(16, 6));

        assertEquals(List.of(0.1, 0.1, 0.05, 0.05, 0.025), history.get("learning_rate"));
    }

    @Test
    void clippingReportsTheNormsBeforeClipping() {
        Dataset data = TrainingData.line(16, 7);
        float[] parameters = {5f, 5f, 5f};
        LinearModel model = new LinearModel(2);
        float[] gradient = new float[3];
        model.lossAndGradient(parameters, data.features(), data.targets(), 16, gradient);
        double firstNorm = GradientClipping.globalNorm(gradient);

        History history = Trainer.of(model)
                .optimizer(Adam.builder().learningRate(0.01).build())
                .clipGradientNorm(1.0)
                .fullBatch()
                .shuffle(false)
                .epochs(3)
                .progress(Progress.silent())
                .fit(parameters, data);

        assertTrue(history.names().containsAll(List.of("gradient_norm", "gradient_norm_max")));
        assertEquals(firstNorm, history.get("gradient_norm").get(0), 1e-9 * firstNorm);
        assertEquals(firstNorm, history.get("gradient_norm_max").get(0), 1e-9 * firstNorm);
        assertTrue(firstNorm > 1, "the test needs a gradient that is clipped, found norm " + firstNorm);
    }

    @Test
    void evaluateMeasuresTheLossTrainingMinimisesAndTheMetrics() {
        TrainableReference network = new TrainableReference(TrainingData.classifier());
        float[] parameters = network.initialParameters(3);
        Dataset data = TrainingData.halves(300, 8); // more than one evaluation chunk
        float[] before = parameters.clone();

        Evaluation evaluation = Trainer.of(network).metrics(Metric.accuracy()).evaluate(parameters, data);

        float expectedLoss = network.lossAndGradient(
                parameters, data.features(), data.targets(), data.size(), new float[parameters.length]);
        assertEquals(expectedLoss, evaluation.loss(), 1e-6);
        float[] outputs = new float[data.size() * 2];
        network.predictBatch(parameters, data.features(), data.size(), outputs);
        int right = 0;
        for (int s = 0; s < data.size(); s++) {
            int predicted = outputs[2 * s + 1] > outputs[2 * s] ? 1 : 0;
            right += predicted == data.classIndex(s) ? 1 : 0;
        }
        assertEquals(right / 300.0, evaluation.get("accuracy"));
        assertEquals(
                List.of("loss", "accuracy"), List.copyOf(evaluation.figures().keySet()));
        assertTrue(evaluation.format().matches("loss: \\d\\.\\d{4}\naccuracy: \\d\\.\\d{4}\n"), evaluation.format());
        assertArrayEquals(before, parameters);
    }

    @Test
    void dataThatDoesNotFitTheNetworkIsRefusedBeforeAnyStep() {
        TrainableReference network = new TrainableReference(TrainingData.classifier());
        float[] parameters = network.initialParameters(3);
        Trainer trainer = Trainer.of(network).describedBy(network.network()).progress(Progress.silent());

        assertMessage(
                "training data: expected 2 features per sample (the network's input size), found 3",
                () -> trainer.fit(parameters, Dataset.ofTargets(new float[6], new int[] {3}, new float[2], 1)));
        assertMessage(
                "training data: sparse_categorical_crossentropy expects one class index per sample, found 2 target"
                        + " values (one-hot targets go with categorical_crossentropy)",
                () -> trainer.fit(parameters, Dataset.ofTargets(new float[4], new int[] {2}, new float[4], 2)));
        assertMessage(
                "training data: has 3 classes, but the network has 2 outputs (one per class)",
                () -> trainer.fit(
                        parameters, Dataset.ofClasses(new float[6], new int[] {2}, new float[] {0, 1, 2}, 3)));
        assertMessage(
                "parameters: expected 22 values (the network's parameter count), found 3",
                () -> trainer.fit(new float[3], TrainingData.halves(4, 1)));
        assertMessage(
                "binary accuracy: expected one 0/1 target per output (2 per sample), found 1",
                () -> trainer.metrics(Metric.binaryAccuracy()).fit(parameters, TrainingData.halves(4, 1)));
        assertMessage(
                "training data: expected targets to train on, found a data set without any",
                () -> Trainer.of(network).fit(parameters, Dataset.unlabelled(new float[4], new int[] {2})));
    }

    @Test
    void optionsOutOfRangeAreRefusedWhenSet() {
        Trainer trainer = Trainer.of(new LinearModel(2));
        assertMessage("epochs: expected at least 1, found 0", () -> trainer.epochs(0));
        assertMessage("batchSize: expected at least 1, found 0", () -> trainer.batchSize(0));
        assertMessage(
                "validationSplit: expected a fraction between 0 and 1, found 1.0", () -> trainer.validationSplit(1));
        assertMessage(
                "clipGradientNorm: expected a finite positive norm, found NaN",
                () -> trainer.clipGradientNorm(Double.NaN));
        assertMessage(
                "metrics: two figures would be named accuracy",
                () -> trainer.metrics(Metric.accuracy(), Metric.binaryAccuracy()));
    }

    @Test
    void callbacksSeeTheRunInOrder() {
        List<String> events = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void trainingStarted(TrainingRun run) {
                events.add("start " + run.figureNames());
            }

            @Override
            public void epochStarted(TrainingRun run) {
                events.add("epoch " + run.epoch());
            }

            @Override
            public void batchEnded(TrainingRun run, float loss) {
                events.add("batch " + run.batch() + "/" + run.batchesPerEpoch());
            }

            @Override
            public void epochEnded(TrainingRun run, Map<String, Double> figures) {
                events.add("end " + run.epoch() + " " + figures.keySet() + " "
                        + run.history().epochs());
            }

            @Override
            public void trainingEnded(TrainingRun run) {
                events.add("done");
            }
        };

        Trainer.of(new LinearModel(2))
                .batchSize(3)
                .epochs(2)
                .callbacks(recorder)
                .progress(Progress.silent())
                .fit(new float[3], TrainingData.line(5, 9));

        assertEquals(
                List.of(
                        "start [loss, learning_rate]",
                        "epoch 0",
                        "batch 0/2",
                        "batch 1/2",
                        "end 0 [loss, learning_rate] 1",
                        "epoch 1",
                        "batch 0/2",
                        "batch 1/2",
                        "end 1 [loss, learning_rate] 2",
                        "done"),
                events);
    }

    @Test
    void shufflingChangesTheOrderAndTheSeedFixesIt() {
        Dataset data = TrainingData.line(64, 10);
        float[] inOrder = fitFourEpochs(Trainer.of(new LinearModel(2)).shuffle(false), data);
        float[] seeded = fitFourEpochs(Trainer.of(new LinearModel(2)).seed(5), data);
        float[] again = fitFourEpochs(Trainer.of(new LinearModel(2)).seed(5), data);
        float[] otherSeed = fitFourEpochs(Trainer.of(new LinearModel(2)).seed(6), data);

        assertArrayEquals(seeded, again);
        assertFalse(Arrays.equals(seeded, otherSeed));
        assertFalse(Arrays.equals(seeded, inOrder));
    }

    private static float[] fitFourEpochs(Trainer trainer, Dataset data) {
        float[] parameters = {0.1f, 0.2f, 0f};
        trainer.optimizer(Sgd.builder().learningRate(0.05).build())
                .batchSize(4)
                .epochs(4)
                .progress(Progress.silent())
                .fit(parameters, data);
        return parameters;
    }

    /** The number of steps in the first epoch of {@code trainer} on {@code data}. */
    private static int stepsPerEpoch(Trainer trainer, float[] parameters, Dataset data) {
        int[] steps = {0};
        Callback counter = new Callback() {
            @Override
            public void batchEnded(TrainingRun run, float loss) {
                steps[0]++;
            }
        };
        trainer.callbacks(counter).epochs(1).progress(Progress.silent()).fit(parameters, data);
        return steps[0];
    }

    static void assertMessage(String expected, Executable call) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, thrown.getMessage());
    }
}
