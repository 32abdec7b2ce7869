package dev.netc.samples.iris;

import dev.netc.runtime.data.Dataset;
import dev.netc.samples.common.PngFiles;
import dev.netc.samples.common.SampleMain;
import dev.netc.samples.common.TrainingCurves;
import dev.netc.samples.common.TrainingCurves.Curve;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Iris sample's program: runs {@link IrisTraining}, prints each split as {@code correct/total} and the mean, as
 * the write-up did, and writes {@value #CURVES}, the training curves averaged over the splits, into the directory of
 * {@code --out}. Options: {@code --data} the Iris CSV, {@code --out} the pictures' directory.
 */
public final class IrisSample {

    static final String CURVES = "iris-training.png";

    private IrisSample() {}

    /** Runs the sample; see {@link SampleMain} for the exit statuses. */
    public static void main(String[] args) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data", "data/iris/iris.csv");
        defaults.put("out", "target/iris-pictures");
        SampleMain.run("iris", args, defaults, options -> {
            Dataset iris = IrisTraining.read(options.path("data"));
            IrisTraining.Result result = IrisTraining.run(iris, IrisTraining.SEED);
            report(result, iris.size(), System.out);
            System.out.println("wrote " + writeCurves(result, options.path("out")));
        });
    }

    /** Prints the splits and the mean. */
    static void report(IrisTraining.Result result, int flowers, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "IrisNet on %d stratified %d/%d splits of %d flowers, %d epochs each (seed %d)%n",
                result.splits().size(),
                100 - IrisTraining.TEST_PERCENT,
                IrisTraining.TEST_PERCENT,
                flowers,
                IrisTraining.EPOCHS,
                IrisTraining.SEED);
        for (int i = 0; i < result.splits().size(); i++) {
            IrisTraining.SplitResult split = result.splits().get(i);
            out.printf(
                    Locale.ROOT,
                    "  split %d: %d/%d (%.2f%%)%n",
                    i + 1,
                    split.correct(),
                    split.total(),
                    100 * split.accuracy());
        }
        out.printf(Locale.ROOT, "  mean: %.2f%%%n", 100 * result.meanAccuracy());
    }

    /**
     * Writes the curves of every figure averaged over the splits into {@code directory} (created if missing).
     *
     * @return the file written
     */
    static Path writeCurves(IrisTraining.Result result, Path directory) throws IOException {
        IrisTraining.SplitResult first = result.splits().get(0);
        String training = first.trained() + " training flowers";
        String test = first.total() + " test flowers";
        String title = "IrisNet, mean of " + result.splits().size() + " splits";
        BufferedImage picture = new TrainingCurves(title, "categorical cross-entropy")
                .draw(
                        List.of(mean(result, "loss", training), mean(result, "val_loss", test)),
                        List.of(mean(result, "accuracy", training), mean(result, "val_accuracy", test)));
        return PngFiles.write(picture, directory.resolve(CURVES));
    }

    /** The figure {@code name} of each epoch, averaged over the splits. */
    private static Curve mean(IrisTraining.Result result, String name, String label) {
        int epochs = result.splits().get(0).history().epochs();
        double[] sums = new double[epochs];
        for (IrisTraining.SplitResult split : result.splits()) {
            List<Double> values = split.history().get(name);
            for (int epoch = 0; epoch < epochs; epoch++) {
                sums[epoch] += values.get(epoch);
            }
        }
        List<Double> means = new ArrayList<>(epochs);
        for (double sum : sums) {
            means.add(sum / result.splits().size());
        }
        return new Curve(label, means);
    }
}
