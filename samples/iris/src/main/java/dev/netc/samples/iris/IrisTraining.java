package dev.netc.samples.iris;

import dev.netc.runtime.data.CsvDataset;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.OneHot;
import dev.netc.runtime.data.Split;
import dev.netc.runtime.data.Splits;
import dev.netc.runtime.metrics.ConfusionMatrix;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.train.History;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The second write-up's experiment on {@link IrisNet}: {@value #SPLITS} random stratified splits of the 150 flowers,
 * {@value #TEST_PERCENT}% held out for the test, each trained from fresh parameters for {@value #EPOCHS} epochs of
 * per-sample SGD at {@value #LEARNING_RATE} (the spec's rate) and counted on its test flowers.
 *
 * <p>As in the write-up, the features go in as measured, in centimetres, without standardisation, and each step takes
 * one flower (its tutorial's {@code fit} loops over the samples one at a time). Where the write-up shuffled the rows
 * and cut them at 70%, the splits here are stratified: each keeps 15 test flowers of every species, so no split can
 * test a species it barely trained on. Split {@code i} (from 0) draws its rows, its initial parameters and its
 * shuffles from {@code seed + i}; the test flowers are the validation data, so the history has their loss and
 * accuracy for every epoch.
 */
final class IrisTraining {

    static final long SEED = 7;
    static final int SPLITS = 5;
    static final int TEST_PERCENT = 30;
    static final int EPOCHS = 500;
    static final double LEARNING_RATE = 0.01;

    private IrisTraining() {}

    /**
     * One split's outcome: how many of its {@code total} test flowers the trained network named right, how many
     * flowers it trained on, and its history.
     */
    record SplitResult(int correct, int total, int trained, History history) {

        double accuracy() {
            return (double) correct / total;
        }
    }

    /** Every split's outcome, in order. */
    record Result(List<SplitResult> splits) {

        Result {
            splits = List.copyOf(splits);
        }

        /** The mean of the splits' accuracies, as the write-up averaged them. */
        double meanAccuracy() {
            return splits.stream().mapToDouble(SplitResult::accuracy).average().orElseThrow();
        }
    }

    /**
     * Reads the Iris CSV: the four measurements as features, {@code species} as the class.
     *
     * @throws dev.netc.runtime.data.DataException if the file cannot be read or is not the Iris table
     */
    static Dataset read(Path csv) {
        return CsvDataset.builder().classColumn("species").build().read(csv);
    }

    /** Trains and tests on the {@value #SPLITS} splits of {@code iris} drawn from {@code seed}. */
    static Result run(Dataset iris, long seed) {
        List<SplitResult> splits = new ArrayList<>(SPLITS);
        for (int i = 0; i < SPLITS; i++) {
            splits.add(runSplit(iris, seed + i));
        }
        return new Result(splits);
    }

    private static SplitResult runSplit(Dataset iris, long seed) {
        Split split = Splits.stratified(iris, TEST_PERCENT / 100.0, seed);
        OneHot oneHot = OneHot.fit(split.train());
        Dataset train = oneHot.apply(split.train());
        Dataset test = oneHot.apply(split.test());
        IrisNet network = new IrisNet();
        float[] parameters = network.initialParameters(seed);
        History history = Trainer.of(network)
                .optimizer(Sgd.builder().learningRate(LEARNING_RATE).build())
                .batchSize(1)
                .epochs(EPOCHS)
                .seed(seed)
                .validation(test)
                .metrics(Metric.accuracy())
                .progress(Progress.silent())
                .fit(parameters, train);
        ConfusionMatrix matrix = ConfusionMatrix.of(network, parameters, test);
        int correct = 0;
        for (int c = 0; c < matrix.classCount(); c++) {
            correct += (int) matrix.count(c, c);
        }
        return new SplitResult(correct, test.size(), train.size(), history);
    }
}
