package dev.netc.runtime.data;

/**
 * A transform of the features alone; targets pass through unchanged. Besides whole data sets it transforms raw
 * arrays in place, which is how prediction prepares a sample and how memory-tight code transforms a large set without
 * a second copy.
 */
public sealed interface FeatureTransform extends Transform permits Standardizer, MinMaxScaler, Scale {

    /**
     * Transforms {@code values[0, length)} in place: whole samples, one after the other, as in {@link
     * Dataset#features()} or a {@link Batch}. One sample: {@code applyInPlace(x, x.length)}.
     *
     * @param values row-major features (modified)
     * @throws IllegalArgumentException if {@code length} exceeds the array or is not a whole number of samples
     */
    void applyInPlace(float[] values, int length);
}
