package dev.netc.samples.digits;

import java.io.PrintStream;
import java.util.Locale;

/** What an image-classification sample prints after training: the test accuracy, then the confusion matrix. */
public final class ImageReport {

    private ImageReport() {}

    /**
     * Prints {@code result}'s test accuracy with its count, then the confusion matrix as a table (rows the true
     * classes, columns the answers), then each class's precision, recall, F1 and support.
     *
     * @param subject what the images are, plural, e.g. {@code digits}
     */
    public static void print(ImageTraining.Result result, String subject, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "test accuracy: %.2f%% (%d of %s test %s right)%n%n"
                        + "confusion matrix (rows: the true class; columns: the network's answer)%n%s",
                100 * result.accuracy(),
                result.correct(),
                ImagePictures.count(result.test().size()),
                subject,
                result.confusion());
    }
}
