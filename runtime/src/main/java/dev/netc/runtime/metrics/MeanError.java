package dev.netc.runtime.metrics;

import java.util.Locale;

/**
 * Mean squared and mean absolute error over every output value, as the losses of the same names average them, summed
 * in double so that a large data set loses no small terms.
 */
final class MeanError implements Metric {

    static final MeanError SQUARED = new MeanError("mean_squared_error", true);
    static final MeanError ABSOLUTE = new MeanError("mean_absolute_error", false);

    private final String figure;
    private final boolean squared;

    private MeanError(String figure, boolean squared) {
        this.figure = figure;
        this.squared = squared;
    }

    @Override
    public String name() {
        return figure;
    }

    @Override
    public String toString() {
        return figure;
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public Metric.Accumulator accumulator(int outputSize, int targetWidth) {
        if (targetWidth != outputSize) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: expected one target per output (%d per sample), found %d",
                    figure,
                    outputSize,
                    targetWidth));
        }
        return new Sum(squared, outputSize);
    }

    /** The running sum of squared or absolute differences. */
    private static final class Sum implements Metric.Accumulator {

        private final boolean squared;
        private final int width;
        private double sum;
        private long values;

        Sum(boolean squared, int width) {
            this.squared = squared;
            this.width = width;
        }

        @Override
        public void add(float[] outputs, float[] targets, int count) {
            int n = count * width;
            for (int i = 0; i < n; i++) {
                double difference = (double) outputs[i] - targets[i];
                sum += squared ? difference * difference : Math.abs(difference);
            }
            values += n;
        }

        @Override
        public double value() {
            return values == 0 ? Double.NaN : sum / values;
        }
    }
}
