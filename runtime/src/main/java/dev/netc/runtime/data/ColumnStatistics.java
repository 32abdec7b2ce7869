package dev.netc.runtime.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * Per-feature statistics for fitting transforms, computed in double over a data set's samples (views included), with
 * the checks every fit needs: at least one sample, finite values, and messages naming the row and feature.
 */
final class ColumnStatistics {

    private ColumnStatistics() {}

    /** Each feature's mean and population standard deviation (two passes, for accuracy): {@code {mean, std}}. */
    static double[][] meanAndDeviation(Dataset data, String kind) {
        requireSamples(data, kind);
        int width = data.featureSize();
        float[] row = new float[width];
        double[] mean = new double[width];
        for (int r = 0; r < data.size(); r++) {
            data.copyFeatures(r, row, 0);
            for (int c = 0; c < width; c++) {
                requireFinite(data, kind, r, c, row[c]);
                mean[c] += row[c];
            }
        }
        for (int c = 0; c < width; c++) {
            mean[c] /= data.size();
        }
        double[] deviation = new double[width];
        for (int r = 0; r < data.size(); r++) {
            data.copyFeatures(r, row, 0);
            for (int c = 0; c < width; c++) {
                double d = row[c] - mean[c];
                deviation[c] += d * d;
            }
        }
        for (int c = 0; c < width; c++) {
            deviation[c] = Math.sqrt(deviation[c] / data.size());
        }
        return new double[][] {mean, deviation};
    }

    /** Each feature's smallest and largest value: {@code {min, max}}. */
    static float[][] minAndMax(Dataset data, String kind) {
        requireSamples(data, kind);
        int width = data.featureSize();
        float[] row = new float[width];
        float[] min = new float[width];
        float[] max = new float[width];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < data.size(); r++) {
            data.copyFeatures(r, row, 0);
            for (int c = 0; c < width; c++) {
                requireFinite(data, kind, r, c, row[c]);
                min[c] = Math.min(min[c], row[c]);
                max[c] = Math.max(max[c], row[c]);
            }
        }
        return new float[][] {min, max};
    }

    /**
     * @throws DataException unless {@code data} has {@code width} features, the count {@code kind} was fitted on
     */
    static void requireWidth(Dataset data, String kind, int width) {
        if (data.featureSize() != width) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "%s: expected data with %d features (as fitted), found %d",
                    kind,
                    width,
                    data.featureSize()));
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code length} is a whole number of samples of {@code width} within
     *     {@code values}
     */
    static void requireWholeSamples(float[] values, int length, int width) {
        if (length < 0 || length > values.length || length % width != 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "length: expected a multiple of %d (the feature count) from 0 to %d, found %d",
                    width,
                    values.length,
                    length));
        }
    }

    private static void requireSamples(Dataset data, String kind) {
        if (data.size() == 0) {
            throw new DataException(kind + ": cannot fit on an empty data set; expected at least one sample");
        }
    }

    private static void requireFinite(Dataset data, String kind, int row, int column, float value) {
        if (!Float.isFinite(value)) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "%s: row %d, %s: expected a finite value to fit on, found %s",
                    kind,
                    row,
                    data.describeFeature(column),
                    value));
        }
    }
}
