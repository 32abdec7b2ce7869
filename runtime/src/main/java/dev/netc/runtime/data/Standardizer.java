package dev.netc.runtime.data;

import java.util.Map;

/**
 * Standardisation: each feature minus its training mean, divided by its training standard deviation (the population
 * one, as scikit-learn's {@code StandardScaler} and Keras' {@code Normalization} use), so that the training features
 * have mean 0 and variance 1.
 *
 * <p><b>Constant features.</b> A feature whose standard deviation is zero carries no information and would divide by
 * zero. Its scale is set to 1 instead, so it is only centred and becomes 0 in the training data (scikit-learn does the
 * same). A feature counts as constant when its standard deviation is below float's smallest normal number, or at
 * most {@code |mean| * 2^-23} ({@link #CONSTANT_TOLERANCE}): differences that small are float rounding of the mean,
 * not variation, and scaling them up would only amplify noise.
 *
 * <p>Statistics are computed in double and stored as floats; applying computes {@code (x - mean) / scale} in float.
 */
public final class Standardizer implements FeatureTransform {

    /** The kind in {@link TransformState}. */
    public static final String KIND = "standardize";

    /** The relative resolution of float, {@code 2^-23}: the spread below which a feature counts as constant. */
    public static final double CONSTANT_TOLERANCE = 0x1p-23;

    private final float[] mean;
    private final float[] scale;

    private Standardizer(float[] mean, float[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * The standardisation of {@code train}'s features.
     *
     * @throws DataException if {@code train} is empty or has a non-finite feature value (naming its row and feature)
     */
    public static Standardizer fit(Dataset train) {
        double[][] statistics = ColumnStatistics.meanAndDeviation(train, KIND);
        int width = train.featureSize();
        float[] mean = new float[width];
        float[] scale = new float[width];
        for (int c = 0; c < width; c++) {
            double m = statistics[0][c];
            double deviation = statistics[1][c];
            boolean constant = deviation < Float.MIN_NORMAL || deviation <= Math.abs(m) * CONSTANT_TOLERANCE;
            mean[c] = (float) m;
            scale[c] = constant ? 1f : (float) deviation;
        }
        return new Standardizer(mean, scale);
    }

    static Standardizer restore(TransformState state) {
        float[] mean = state.checkedArray("mean", 0, false);
        float[] scale = state.checkedArray("scale", mean.length, true);
        return new Standardizer(mean, scale);
    }

    /** Each feature's training mean (a copy). */
    public float[] mean() {
        return mean.clone();
    }

    /** Each feature's divisor: its training standard deviation, or 1 for a constant feature (a copy). */
    public float[] scale() {
        return scale.clone();
    }

    @Override
    public Dataset apply(Dataset data) {
        ColumnStatistics.requireWidth(data, KIND, mean.length);
        Dataset copy = data.copy();
        applyInPlace(copy.storedFeatures(), copy.size() * mean.length);
        return copy;
    }

    @Override
    public void applyInPlace(float[] values, int length) {
        ColumnStatistics.requireWholeSamples(values, length, mean.length);
        for (int i = 0; i < length; i += mean.length) {
            for (int c = 0; c < mean.length; c++) {
                values[i + c] = (values[i + c] - mean[c]) / scale[c];
            }
        }
    }

    @Override
    public TransformState state() {
        return new TransformState(KIND, Map.of("mean", mean, "scale", scale));
    }
}
