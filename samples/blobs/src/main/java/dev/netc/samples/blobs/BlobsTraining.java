package dev.netc.samples.blobs;

import dev.netc.runtime.data.CsvDataset;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.train.History;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import java.nio.file.Path;

/**
 * The third write-up's first experiment on {@link BlobsNet}: two Gaussian blobs of 100 points each, centred on (-2,
 * -2) (label 0) and (2, 2) (label 1), separated by {@value #EPOCHS} epochs of full-batch gradient descent, then counted
 * on the same 200 points, as the write-up counted them.
 *
 * <p>The points are the write-up's own: {@code data/blobs/blobs.csv} is what its NumPy code draws from its seed,
 * 68329 ({@code data/README.md} has the generator). The write-up steps 0.01 along the gradient summed over the points;
 * netc's loss is the mean over the points, so the same step is a rate of {@value #LEARNING_RATE} (the spec's). It
 * initialised every weight and bias uniformly in [0, 1); the spec keeps netc's default initialisation instead (Glorot
 * uniform weights, zero biases). {@code blobs-test.csv}, 200 more points drawn from seed 68330, is the validation data:
 * the history has its loss and accuracy for every epoch, which shows how the boundary generalises.
 */
final class BlobsTraining {

    static final long SEED = 1;
    static final int EPOCHS = 100;
    static final double LEARNING_RATE = 2.0;
    static final String POINTS = "blobs.csv";
    static final String NEW_POINTS = "blobs-test.csv";

    private BlobsTraining() {}

    /** What a run leaves: the trained parameters, its history, and its accuracy on the two sets of points. */
    record Result(float[] parameters, History history, double accuracy, double newPointsAccuracy) {}

    /**
     * Reads a CSV of blob points: features {@code x1} and {@code x2}, the 0/1 {@code label} as the target.
     *
     * @throws dev.netc.runtime.data.DataException if the file cannot be read or has other columns
     */
    static Dataset read(Path csv) {
        return CsvDataset.builder().targetColumn("label").build().read(csv);
    }

    /** Trains a fresh network from {@code seed} on {@code points}, validating on {@code newPoints}. */
    static Result run(Dataset points, Dataset newPoints, long seed) {
        BlobsNet network = new BlobsNet();
        float[] parameters = network.initialParameters(seed);
        Trainer trainer = Trainer.of(network)
                .optimizer(Sgd.builder().learningRate(LEARNING_RATE).build())
                .fullBatch()
                .epochs(EPOCHS)
                .seed(seed)
                .validation(newPoints)
                .metrics(Metric.accuracy())
                .progress(Progress.silent());
        History history = trainer.fit(parameters, points);
        return new Result(
                parameters,
                history,
                trainer.evaluate(parameters, points).get("accuracy"),
                trainer.evaluate(parameters, newPoints).get("accuracy"));
    }
}
