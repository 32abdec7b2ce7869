package dev.netc.samples.digits;

import dev.netc.runtime.data.Dataset;
import dev.netc.samples.common.ImageGrid;
import dev.netc.samples.common.PngFiles;
import dev.netc.samples.common.TrainingCurves;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pictures of an image-classification run: its training curves, and the first {@value #SHOWN} misclassified test
 * images in test order (not the worst ones: the first ones are an unbiased sample of the mistakes), each captioned
 * with its true class and, in red, the network's answer.
 */
public final class ImagePictures {

    /** How many misclassified images the grid shows at most. */
    public static final int SHOWN = 32;

    static final int COLUMNS = 8;
    static final int SCALE = 3;

    private final String network;
    private final String subject;

    /**
     * @param network the trained network's name, for the titles, e.g. {@code DigitsNet}
     * @param subject what the images are, plural, for the titles and legends, e.g. {@code digits}
     */
    public ImagePictures(String network, String subject) {
        this.network = network;
        this.subject = subject;
    }

    /**
     * Writes both pictures of {@code result} into {@code directory} (created if missing): {@code
     * <prefix>-training.png} and {@code <prefix>-misclassified.png}.
     *
     * @param trainingSize the number of images trained on, for the curves' legend
     * @return the files written: the curves, then the misclassified images
     */
    public List<Path> write(ImageTraining.Result result, int trainingSize, String prefix, Path directory)
            throws IOException {
        BufferedImage curves = new TrainingCurves(network, "categorical cross-entropy")
                .draw(
                        result.history(),
                        count(trainingSize) + " training " + subject,
                        count(result.test().size()) + " test " + subject);
        return List.of(
                PngFiles.write(curves, directory.resolve(prefix + "-training.png")),
                PngFiles.write(misclassified(result), directory.resolve(prefix + "-misclassified.png")));
    }

    /** The grid of the first {@value #SHOWN} misclassified test images. */
    BufferedImage misclassified(ImageTraining.Result result) {
        Dataset test = result.test();
        int outputs = result.network().outputSize();
        float[] predictions = new float[test.size() * outputs];
        result.network().predictBatch(result.parameters(), test.features(), test.size(), predictions);
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        int wrong = 0;
        for (int row = 0; row < test.size(); row++) {
            int predicted = argmax(predictions, row * outputs, outputs);
            int actual = test.classIndex(row);
            if (predicted != actual) {
                wrong++;
                if (tiles.size() < SHOWN) {
                    float[] pixels = new float[test.featureSize()];
                    test.copyFeatures(row, pixels, 0);
                    List<String> names = test.classNames();
                    tiles.add(new ImageGrid.Tile(pixels, "true " + names.get(actual), "said " + names.get(predicted)));
                }
            }
        }
        String title = String.format(
                Locale.ROOT,
                "%s: the first %d of its %s misclassified test %s (true class in black, its answer in red)",
                network,
                tiles.size(),
                count(wrong),
                subject);
        return new ImageGrid(ImageTraining.SIDE, SCALE, COLUMNS).draw(title, tiles);
    }

    private static int argmax(float[] values, int from, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[from + i] > values[from + best]) {
                best = i;
            }
        }
        return best;
    }

    /** A count with thousands separated by commas, as the docs write them: {@code 8,000}. */
    static String count(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
