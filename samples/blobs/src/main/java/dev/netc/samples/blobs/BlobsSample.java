package dev.netc.samples.blobs;

import dev.netc.runtime.data.Dataset;
import dev.netc.samples.common.PngFiles;
import dev.netc.samples.common.SampleMain;
import dev.netc.samples.common.TrainingCurves;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The blobs sample's program: runs {@link BlobsTraining}, prints the accuracy as the write-up did (on the points it
 * trained on) and on 200 new points, and writes {@value #CURVES}, the training curves, into the directory of {@code
 * --out}. Options: {@code --data} the folder of {@code blobs.csv} and {@code blobs-test.csv}, {@code --out} the
 * pictures' directory.
 */
public final class BlobsSample {

    static final String CURVES = "blobs-training.png";

    private BlobsSample() {}

    /** Runs the sample; see {@link SampleMain} for the exit statuses. */
    public static void main(String[] args) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data", "data/blobs");
        defaults.put("out", "target/blobs-pictures");
        SampleMain.run("blobs", args, defaults, options -> {
            Dataset points = BlobsTraining.read(options.path("data").resolve(BlobsTraining.POINTS));
            Dataset newPoints = BlobsTraining.read(options.path("data").resolve(BlobsTraining.NEW_POINTS));
            BlobsTraining.Result result = BlobsTraining.run(points, newPoints, BlobsTraining.SEED);
            report(result, points.size(), newPoints.size(), System.out);
            System.out.println("wrote " + writeCurves(result, points.size(), newPoints.size(), options.path("out")));
        });
    }

    /** Prints the two accuracies. */
    static void report(BlobsTraining.Result result, int points, int newPoints, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "BlobsNet after %d epochs of full-batch gradient descent on %d points (seed %d)%n"
                        + "  accuracy on the %d points: %.2f%%%n"
                        + "  accuracy on %d new points: %.2f%%%n",
                result.history().epochs(),
                points,
                BlobsTraining.SEED,
                points,
                100 * result.accuracy(),
                newPoints,
                100 * result.newPointsAccuracy());
    }

    /**
     * Writes the training curves into {@code directory} (created if missing).
     *
     * @return the file written
     */
    static Path writeCurves(BlobsTraining.Result result, int points, int newPoints, Path directory) throws IOException {
        return PngFiles.write(
                new TrainingCurves("BlobsNet", "binary cross-entropy")
                        .draw(result.history(), points + " training points", newPoints + " new points"),
                directory.resolve(CURVES));
    }
}
