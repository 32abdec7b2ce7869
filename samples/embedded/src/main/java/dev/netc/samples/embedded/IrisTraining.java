package dev.netc.samples.embedded;

import dev.netc.runtime.data.CsvDataset;
import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.OneHot;
import dev.netc.runtime.data.Split;
import dev.netc.runtime.data.Splits;
import dev.netc.runtime.data.Standardizer;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains {@link Iris} on the Iris data and saves the weights for the application: a stratified 70/30 split, the
 * standardisation fitted on the training part only (fitting it on all rows would leak the held-out rows into
 * training), per-sample SGD at 0.01 for 500 epochs as in the second write-up.
 *
 * <pre>
 * java dev.netc.samples.embedded.IrisTraining [DATA.csv [WEIGHTS.netc [SEED]]]
 * </pre>
 *
 * <p>Defaults: {@code data/iris/iris.csv} (run from the repository's root), {@code iris.netc}, seed 7.
 */
public final class IrisTraining {

    /** Passes over the training rows, as in the write-up. */
    static final int EPOCHS = 500;

    /** The share of rows held out for testing. */
    static final double HELD_OUT = 0.3;

    private IrisTraining() {}

    /**
     * What training produced.
     *
     * @param trained the parameters and the fitted standardisation, ready to save
     * @param heldOut the held-out rows, raw (not standardised), labelled with {@link Species} indices
     */
    record Result(IrisWeights.Trained trained, Dataset heldOut) {}

    /**
     * Trains from {@code data}, a CSV file with the four measurements and a {@code species} column.
     *
     * @param seed draws the split, the initial weights and the shuffles: the same seed gives the same weights
     * @throws DataException naming the line and column when the file cannot be read
     */
    static Result train(Path data, long seed, Progress progress) {
        Dataset iris = CsvDataset.builder()
                .classColumn("species")
                .classes(Species.labels())
                .build()
                .read(data);
        Split split = Splits.stratified(iris, HELD_OUT, seed);
        Standardizer standardizer = Standardizer.fit(split.train());
        Dataset train = OneHot.fit(split.train()).apply(standardizer.apply(split.train()));

        float[] parameters = IrisNet.newParameters(seed);
        Trainer.of(new IrisNet(parameters))
                .optimizer(Sgd.builder().learningRate(0.01).build())
                .batchSize(1)
                .epochs(EPOCHS)
                .seed(seed)
                .progress(progress)
                .fit(parameters, train);
        return new Result(new IrisWeights.Trained(parameters, standardizer), split.test());
    }

    /** The share of {@code rows} whose species {@code model} predicts correctly. */
    static double accuracy(IrisModel model, Dataset rows) {
        int correct = 0;
        for (int row = 0; row < rows.size(); row++) {
            IrisFeatures flower = new IrisFeatures(
                    rows.feature(row, 0), rows.feature(row, 1), rows.feature(row, 2), rows.feature(row, 3));
            if (model.classify(flower).ordinal() == rows.classIndex(row)) {
                correct++;
            }
        }
        return (double) correct / rows.size();
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "data/iris/iris.csv");
        Path weights = Path.of(args.length > 1 ? args[1] : "iris.netc");
        try {
            long seed = args.length > 2 ? Long.parseLong(args[2]) : 7L;
            Result result = train(data, seed, Progress.silent());
            IrisWeights.save(weights, result.trained());
            double accuracy = accuracy(IrisModel.load(weights), result.heldOut());
            System.out.printf(
                    Locale.ROOT,
                    "held-out accuracy %.1f%% on %d flowers; weights and standardisation saved to %s%n",
                    accuracy * 100,
                    result.heldOut().size(),
                    weights);
        } catch (IOException | DataException | NumberFormatException e) {
            System.err.println("iris-training: " + e.getMessage());
            System.exit(1);
        }
    }
}
