package dev.netc.runtime.data;

import java.util.Locale;
import java.util.Map;

/**
 * Min-max scaling: each feature minus its training minimum, divided by its training range, so that the training
 * features lie in [0, 1] (scikit-learn's {@code MinMaxScaler}). Other data may fall outside [0, 1]; it is not clipped.
 *
 * <p><b>Constant features.</b> A feature whose range is zero gets range 1 instead, so it is only shifted and becomes 0
 * in the training data; as for {@link Standardizer}, a range below float's smallest normal number or at most {@code
 * max(|min|, |max|) * 2^-23} counts as zero.
 */
public final class MinMaxScaler implements FeatureTransform {

    /** The kind in {@link TransformState}. */
    public static final String KIND = "min_max";

    private final float[] min;
    private final float[] range;

    private MinMaxScaler(float[] min, float[] range) {
        this.min = min;
        this.range = range;
    }

    /**
     * The min-max scaling of {@code train}'s features.
     *
     * @throws DataException if {@code train} is empty, has a non-finite feature value, or a feature whose range
     *     overflows float
     */
    public static MinMaxScaler fit(Dataset train) {
        float[][] extremes = ColumnStatistics.minAndMax(train, KIND);
        int width = train.featureSize();
        float[] min = extremes[0];
        float[] range = new float[width];
        for (int c = 0; c < width; c++) {
            double spread = (double) extremes[1][c] - min[c];
            double magnitude = Math.max(Math.abs(min[c]), Math.abs(extremes[1][c]));
            if (spread > Float.MAX_VALUE) {
                throw new DataException(String.format(
                        Locale.ROOT,
                        "%s: %s: expected a range within float's, found %s to %s",
                        KIND,
                        train.describeFeature(c),
                        min[c],
                        extremes[1][c]));
            }
            boolean constant = spread < Float.MIN_NORMAL || spread <= magnitude * Standardizer.CONSTANT_TOLERANCE;
            range[c] = constant ? 1f : (float) spread;
        }
        return new MinMaxScaler(min, range);
    }

    static MinMaxScaler restore(TransformState state) {
        float[] min = state.checkedArray("min", 0, false);
        float[] range = state.checkedArray("range", min.length, true);
        return new MinMaxScaler(min, range);
    }

    /** Each feature's training minimum (a copy). */
    public float[] min() {
        return min.clone();
    }

    /** Each feature's divisor: its training range, or 1 for a constant feature (a copy). */
    public float[] range() {
        return range.clone();
    }

    @Override
    public Dataset apply(Dataset data) {
        ColumnStatistics.requireWidth(data, KIND, min.length);
        Dataset copy = data.copy();
        applyInPlace(copy.storedFeatures(), copy.size() * min.length);
        return copy;
    }

    @Override
    public void applyInPlace(float[] values, int length) {
        ColumnStatistics.requireWholeSamples(values, length, min.length);
        for (int i = 0; i < length; i += min.length) {
            for (int c = 0; c < min.length; c++) {
                values[i + c] = (values[i + c] - min[c]) / range[c];
            }
        }
    }

    @Override
    public TransformState state() {
        return new TransformState(KIND, Map.of("min", min, "range", range));
    }
}
