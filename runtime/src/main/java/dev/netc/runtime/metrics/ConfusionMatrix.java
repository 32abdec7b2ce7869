package dev.netc.runtime.metrics;

import dev.netc.runtime.Network;
import dev.netc.runtime.data.Batch;
import dev.netc.runtime.data.BatchIterator;
import dev.netc.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How often each class was predicted as each other class, with the per-class precision, recall and F1 that follow
 * from it. Rows are the actual classes, columns the predicted ones. Classes are decoded as {@link
 * Metric#categoricalAccuracy()} and {@link Metric#binaryAccuracy()} decode them: the largest of several outputs, or
 * a single output above 0.5 for class 1.
 *
 * <pre>{@code
 * ConfusionMatrix matrix = ConfusionMatrix.of(net, parameters, test);
 * System.out.println(matrix);            // the table, then precision, recall, F1 and support per class
 * double f1 = matrix.f1(2);
 * }</pre>
 *
 * <p>A ratio with nothing to divide by (the precision of a class never predicted, the recall of a class absent from
 * the data, and their F1) is NaN, shown as {@code n/a}: the data cannot tell, and 0 would claim the class was always
 * missed. Immutable.
 */
public final class ConfusionMatrix {

    /** Samples predicted per call when a network is evaluated, to bound the output buffer. */
    private static final int CHUNK = 256;

    private final List<String> classNames;
    private final long[][] counts;

    private ConfusionMatrix(List<String> classNames, long[][] counts) {
        this.classNames = classNames;
        this.counts = counts;
    }

    /**
     * The matrix of {@code network}'s predictions on {@code data}. Classes are named as the data names them when it
     * is class-labelled with as many classes as the network predicts, and {@code 0, 1, ...} otherwise.
     *
     * @param parameters the network's parameters; not modified
     * @throws IllegalArgumentException if the data does not fit the network or has no class targets
     */
    public static ConfusionMatrix of(Network network, float[] parameters, Dataset data) {
        if (data.featureSize() != network.inputSize()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "data: expected %d features per sample (the network's input size), found %d",
                    network.inputSize(),
                    data.featureSize()));
        }
        ClassDecoding decoding = ClassDecoding.of("confusion matrix", network.outputSize(), data.targetWidth());
        long[][] counts = new long[decoding.classCount()][decoding.classCount()];
        if (data.size() > 0) {
            BatchIterator batches =
                    BatchIterator.builder(data, Math.min(CHUNK, data.size())).build();
            Batch batch = batches.newBatch();
            float[] outputs = new float[batch.capacity() * network.outputSize()];
            while (batches.next(batch)) {
                network.predictBatch(parameters, batch.features(), batch.size(), outputs);
                count(decoding, outputs, batch.targets(), batch.size(), counts);
            }
        }
        List<String> names =
                data.classCount() == decoding.classCount() ? data.classNames() : indexNames(decoding.classCount());
        return new ConfusionMatrix(names, counts);
    }

    /**
     * The matrix of outputs already computed.
     *
     * @param classNames one name per class: the output count, or 2 for a single output
     * @param outputs {@code count} rows of the network's outputs; not modified
     * @param outputSize values per output row
     * @param targets {@code count} rows of targets, one value per output or one class index; not modified
     * @param targetWidth values per target row
     * @throws IllegalArgumentException if the sizes disagree or a class index is out of range
     */
    public static ConfusionMatrix of(
            List<String> classNames, float[] outputs, int outputSize, float[] targets, int targetWidth, int count) {
        ClassDecoding decoding = ClassDecoding.of("confusion matrix", outputSize, targetWidth);
        List<String> names = List.copyOf(classNames);
        if (names.size() != decoding.classCount()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "classNames: expected %d names (one per class), found %d",
                    decoding.classCount(),
                    names.size()));
        }
        if (count < 0 || (long) count * outputSize > outputs.length || (long) count * targetWidth > targets.length) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "expected %d samples: %d outputs and %d targets, found %d and %d",
                    count,
                    (long) count * outputSize,
                    (long) count * targetWidth,
                    outputs.length,
                    targets.length));
        }
        long[][] counts = new long[names.size()][names.size()];
        count(decoding, outputs, targets, count, counts);
        return new ConfusionMatrix(names, counts);
    }

    private static void count(ClassDecoding decoding, float[] outputs, float[] targets, int count, long[][] counts) {
        for (int s = 0; s < count; s++) {
            counts[decoding.actual(targets, s)][decoding.predicted(outputs, s)]++;
        }
    }

    private static List<String> indexNames(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return List.copyOf(names);
    }

    /** The class names, index {@code c} naming class {@code c}. */
    public List<String> classNames() {
        return classNames;
    }

    /** The number of classes. */
    public int classCount() {
        return classNames.size();
    }

    /** How many samples of class {@code actual} were predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[Objects.checkIndex(actual, counts.length)][Objects.checkIndex(predicted, counts.length)];
    }

    /** The number of samples counted. */
    public long total() {
        long total = 0;
        for (int c = 0; c < counts.length; c++) {
            total += support(c);
        }
        return total;
    }

    /** How many samples belong to class {@code c} (its row's sum). */
    public long support(int c) {
        long sum = 0;
        for (long value : counts[Objects.checkIndex(c, counts.length)]) {
            sum += value;
        }
        return sum;
    }

    /** How many samples were predicted as class {@code c} (its column's sum). */
    public long predictedCount(int c) {
        Objects.checkIndex(c, counts.length);
        long sum = 0;
        for (long[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /** The share of samples predicted as their own class; NaN when there are none. */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < counts.length; c++) {
            right += counts[c][c];
        }
        return ratio(right, total());
    }

    /** Of the samples predicted as class {@code c}, the share that are; NaN when none was predicted as {@code c}. */
    public double precision(int c) {
        return ratio(count(c, c), predictedCount(c));
    }

    /** Of the samples of class {@code c}, the share predicted as {@code c}; NaN when the data has none. */
    public double recall(int c) {
        return ratio(count(c, c), support(c));
    }

    /**
     * The harmonic mean of precision and recall, {@code 2 tp / (2 tp + fp + fn)}; NaN when the class was neither
     * present nor predicted, and 0 when it was but never correctly.
     */
    public double f1(int c) {
        long truePositives = count(c, c);
        return ratio(2 * truePositives, support(c) + predictedCount(c));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    /** The matrix as a table, then one line per class with its precision, recall, F1 and support. */
    @Override
    public String toString() {
        int width = "actual \\ predicted".length();
        for (String name : classNames) {
            width = Math.max(width, name.length());
        }
        int cell = 10;
        for (String name : classNames) {
            cell = Math.max(cell, name.length() + 2);
        }
        StringBuilder text = new StringBuilder(pad("actual \\ predicted", width));
        for (String name : classNames) {
            text.append(padLeft(name, cell));
        }
        text.append('\n');
        for (int actual = 0; actual < counts.length; actual++) {
            text.append(pad(classNames.get(actual), width));
            for (long value : counts[actual]) {
                text.append(padLeft(Long.toString(value), cell));
            }
            text.append('\n');
        }
        text.append('\n').append(pad("class", width));
        for (String heading : List.of("precision", "recall", "f1", "support")) {
            text.append(padLeft(heading, cell));
        }
        text.append('\n');
        for (int c = 0; c < counts.length; c++) {
            text.append(pad(classNames.get(c), width))
                    .append(padLeft(format(precision(c)), cell))
                    .append(padLeft(format(recall(c)), cell))
                    .append(padLeft(format(f1(c)), cell))
                    .append(padLeft(Long.toString(support(c)), cell))
                    .append('\n');
        }
        return text.append(pad("accuracy", width))
                .append(padLeft(format(accuracy()), cell))
                .append('\n')
                .toString();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
