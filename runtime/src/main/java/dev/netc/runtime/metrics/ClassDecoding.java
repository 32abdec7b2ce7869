package dev.netc.runtime.metrics;

import java.util.Locale;

/**
 * How outputs and targets name a class, shared by accuracy and the confusion matrix: several outputs name the class
 * of the largest (ties go to the first, as numpy's {@code argmax}); one output names class 1 when above 0.5, class 0
 * otherwise. A target row is a class index when it has one value and the network several outputs, and is decoded as
 * an output row otherwise (one-hot, or a 0/1 target of a single output).
 */
final class ClassDecoding {

    /** The decision threshold of a single (sigmoid) output. */
    static final float THRESHOLD = 0.5f;

    private final int outputSize;
    private final int targetWidth;

    private ClassDecoding(int outputSize, int targetWidth) {
        this.outputSize = outputSize;
        this.targetWidth = targetWidth;
    }

    /**
     * @throws IllegalArgumentException unless the targets are class indices (width 1) or have one value per output
     */
    static ClassDecoding of(String metric, int outputSize, int targetWidth) {
        if (outputSize < 1 || !(targetWidth == outputSize || (targetWidth == 1 && outputSize > 1))) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: expected targets of %d values per sample (one per output)%s, found %d",
                    metric,
                    outputSize,
                    outputSize > 1 ? " or 1 (the class index)" : "",
                    targetWidth));
        }
        return new ClassDecoding(outputSize, targetWidth);
    }

    /** The number of classes: the output count, or 2 for a single output. */
    int classCount() {
        return outputSize == 1 ? 2 : outputSize;
    }

    /** The class that the outputs of {@code sample} predict. */
    int predicted(float[] outputs, int sample) {
        return decode(outputs, sample * outputSize, outputSize);
    }

    /**
     * The class that the targets of {@code sample} name.
     *
     * @throws IllegalArgumentException if a class index is not a whole number from 0 to the class count - 1
     */
    int actual(float[] targets, int sample) {
        if (targetWidth == outputSize) {
            return decode(targets, sample * targetWidth, targetWidth);
        }
        float value = targets[sample];
        if (!(value >= 0 && value < outputSize && value == (int) value)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "targets[%d]: expected a class index from 0 to %d, found %s",
                    sample,
                    outputSize - 1,
                    value));
        }
        return (int) value;
    }

    private static int decode(float[] values, int offset, int width) {
        if (width == 1) {
            return values[offset] > THRESHOLD ? 1 : 0;
        }
        int best = 0;
        for (int i = 1; i < width; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
