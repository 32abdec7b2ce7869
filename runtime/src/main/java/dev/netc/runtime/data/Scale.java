package dev.netc.runtime.data;

import java.util.Map;

/**
 * Multiplication of every feature by one constant, such as {@code 1 / 255} to bring 8-bit pixels into [0, 1]. It
 * needs no fitting: the factor is chosen, not learnt, so the same transform applies to any data.
 */
public final class Scale implements FeatureTransform {

    /** The kind in {@link TransformState}. */
    public static final String KIND = "scale";

    private final float factor;

    private Scale(float factor) {
        this.factor = factor;
    }

    /**
     * Multiplication by {@code factor}.
     *
     * @throws IllegalArgumentException unless {@code factor} is finite and not zero
     */
    public static Scale by(float factor) {
        if (!Float.isFinite(factor) || factor == 0) {
            throw new IllegalArgumentException("factor: expected a finite number other than 0, found " + factor);
        }
        return new Scale(factor);
    }

    static Scale restore(TransformState state) {
        float factor = state.checkedArray("factor", 1, false)[0];
        if (factor == 0) {
            throw new DataException(
                    "transform 'scale': array 'factor' index 0: expected a number other than 0, found " + factor);
        }
        return new Scale(factor);
    }

    /** The factor. */
    public float factor() {
        return factor;
    }

    @Override
    public Dataset apply(Dataset data) {
        Dataset copy = data.copy();
        applyInPlace(copy.storedFeatures(), copy.size() * copy.featureSize());
        return copy;
    }

    @Override
    public void applyInPlace(float[] values, int length) {
        ColumnStatistics.requireWholeSamples(values, length, 1);
        for (int i = 0; i < length; i++) {
            values[i] *= factor;
        }
    }

    @Override
    public TransformState state() {
        return new TransformState(KIND, Map.of("factor", new float[] {factor}));
    }
}
