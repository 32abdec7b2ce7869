package dev.netc.runtime.metrics;

import java.util.Locale;

/**
 * Accuracy in Keras' three senses: categorical (largest output against the target class), binary (each output value
 * against 0.5) and the automatic choice between them by the number of outputs. All three are named {@code accuracy},
 * so a history reads the same whichever was chosen.
 */
final class Accuracy implements Metric {

    /** Binary for one output, categorical for several. */
    static final Accuracy AUTO = new Accuracy(Sense.AUTO);

    static final Accuracy CATEGORICAL = new Accuracy(Sense.CATEGORICAL);
    static final Accuracy BINARY = new Accuracy(Sense.BINARY);

    private enum Sense {
        AUTO,
        CATEGORICAL,
        BINARY
    }

    private final Sense sense;

    private Accuracy(Sense sense) {
        this.sense = sense;
    }

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Metric.Accumulator accumulator(int outputSize, int targetWidth) {
        boolean binary = sense == Sense.BINARY || (sense == Sense.AUTO && outputSize == 1);
        if (binary) {
            if (targetWidth != outputSize) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "binary accuracy: expected one 0/1 target per output (%d per sample), found %d",
                        outputSize,
                        targetWidth));
            }
            return new Binary(outputSize);
        }
        if (outputSize < 2) {
            throw new IllegalArgumentException(
                    "categorical accuracy: expected a network with at least 2 outputs (one per class), found 1;"
                            + " binary accuracy measures a single output");
        }
        return new Categorical(ClassDecoding.of("categorical accuracy", outputSize, targetWidth));
    }

    @Override
    public String toString() {
        return sense.name().toLowerCase(Locale.ROOT) + " accuracy";
    }

    /** Counts samples whose predicted class is the target class. */
    private static final class Categorical implements Metric.Accumulator {

        private final ClassDecoding classes;
        private long right;
        private long total;

        Categorical(ClassDecoding classes) {
            this.classes = classes;
        }

        @Override
        public void add(float[] outputs, float[] targets, int count) {
            for (int s = 0; s < count; s++) {
                if (classes.predicted(outputs, s) == classes.actual(targets, s)) {
                    right++;
                }
            }
            total += count;
        }

        @Override
        public double value() {
            return total == 0 ? Double.NaN : (double) right / total;
        }
    }

    /** Counts output values on the same side of 0.5 as their target. */
    private static final class Binary implements Metric.Accumulator {

        private final int width;
        private long right;
        private long total;

        Binary(int width) {
            this.width = width;
        }

        @Override
        public void add(float[] outputs, float[] targets, int count) {
            int values = count * width;
            for (int i = 0; i < values; i++) {
                if ((outputs[i] > ClassDecoding.THRESHOLD) == (targets[i] > ClassDecoding.THRESHOLD)) {
                    right++;
                }
            }
            total += values;
        }

        @Override
        public double value() {
            return total == 0 ? Double.NaN : (double) right / total;
        }
    }
}
