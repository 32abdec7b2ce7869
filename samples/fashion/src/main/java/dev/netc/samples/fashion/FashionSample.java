package dev.netc.samples.fashion;

import dev.netc.runtime.data.Dataset;
import dev.netc.samples.common.SampleMain;
import dev.netc.samples.digits.ImageSample;
import dev.netc.samples.digits.ImageTraining;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Fashion-MNIST sample's program: the digits sample on clothes. Trains {@link FashionNet}, the digits network, as
 * {@link ImageTraining} says on the 60,000 training images, tests it on the 10,000 others, prints the test accuracy
 * and the confusion matrix, and writes the training curves and the misclassified images into the directory of {@code
 * --out}. When the data set is missing it says how to install it ({@link FashionMnist}) and exits with 1.
 *
 * <p>Options: {@code --data} the folder of the four IDX files (default {@value FashionMnist#INSTALLED_FOLDER}),
 * {@code --out} the pictures' directory, {@code --epochs} (default {@value #EPOCHS}) and {@code
 * --train-samples}, to train on the first so many images only: with both, a trial run is quick.
 */
public final class FashionSample {

    static final long SEED = 1;
    static final int EPOCHS = 5;
    static final String PREFIX = "fashion";

    private FashionSample() {}

    /** Runs the sample; see {@link SampleMain} for the exit statuses. */
    public static void main(String[] args) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data", FashionMnist.INSTALLED_FOLDER);
        defaults.put("out", "target/fashion-pictures");
        defaults.put("epochs", Integer.toString(EPOCHS));
        defaults.put("train-samples", "60000");
        SampleMain.run("fashion", args, defaults, options -> {
            Dataset all = FashionMnist.read(options.path("data"), "train");
            Dataset train = all.slice(0, Math.min(all.size(), options.positive("train-samples")));
            Dataset test = FashionMnist.read(options.path("data"), "t10k");
            new ImageSample("FashionNet", "images", PREFIX, SEED)
                    .run(new FashionNet(), train, test, options.positive("epochs"), options.path("out"), System.out);
        });
    }
}
