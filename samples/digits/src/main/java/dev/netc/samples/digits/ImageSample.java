package dev.netc.samples.digits;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.train.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the main of an image-classification sample does once its data is read: says what it trains, trains as {@link
 * ImageTraining} says with a line per epoch, prints the {@link ImageReport}, and writes the {@link ImagePictures}.
 */
public final class ImageSample {

    private final String network;
    private final String subject;
    private final String prefix;
    private final long seed;

    /**
     * @param network the network's name, e.g. {@code DigitsNet}
     * @param subject what the images are, plural, e.g. {@code digits}
     * @param prefix the pictures' file names' start, e.g. {@code digits}
     * @param seed the initial parameters' and the shuffles' seed
     */
    public ImageSample(String network, String subject, String prefix, long seed) {
        this.network = network;
        this.subject = subject;
        this.prefix = prefix;
        this.seed = seed;
    }

    /**
     * Trains {@code net} on {@code train} for {@code epochs}, tests it on {@code test}, prints to {@code out} and
     * writes the pictures into {@code directory}.
     */
    public ImageTraining.Result run(
            TrainableNetwork net, Dataset train, Dataset test, int epochs, Path directory, PrintStream out)
            throws IOException {
        out.printf(
                Locale.ROOT,
                "%s (784-512-256-128-10) on %s training %s, %d epochs of Adam, batches of %d (seed %d)%n",
                network,
                ImagePictures.count(train.size()),
                subject,
                epochs,
                ImageTraining.BATCH_SIZE,
                seed);
        ImageTraining.Result result = ImageTraining.run(net, train, test, epochs, seed, Progress.lines(out));
        ImageReport.print(result, subject, out);
        for (Path written : new ImagePictures(network, subject).write(result, train.size(), prefix, directory)) {
            out.println("wrote " + written);
        }
        return result;
    }
}
