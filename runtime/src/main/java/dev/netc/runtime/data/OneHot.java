package dev.netc.runtime.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * One-hot encoding of class labels: class index {@code c} of {@code k} classes becomes {@code k} targets, 1 at
 * {@code c} and 0 elsewhere, the targets categorical cross-entropy takes. Fitting records the training data's class
 * count, so that data with another class count is refused rather than silently given targets of another width.
 * (Sparse categorical cross-entropy takes the class indices themselves and needs no encoding.)
 */
public final class OneHot implements Transform {

    /** The kind in {@link TransformState}. */
    public static final String KIND = "one_hot";

    /** Largest class count: class indices are stored in floats, exact up to 2^24. */
    private static final int MAX_CLASSES = 1 << 24;

    private final int classCount;

    private OneHot(int classCount) {
        this.classCount = classCount;
    }

    /**
     * The encoding of {@code train}'s classes.
     *
     * @throws DataException if {@code train} does not have class-index targets
     */
    public static OneHot fit(Dataset train) {
        requireClassIndices(train);
        return new OneHot(train.classCount());
    }

    static OneHot restore(TransformState state) {
        float classes = state.checkedArray("classes", 1, true)[0];
        if (classes != (int) classes || classes > MAX_CLASSES) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "transform '%s': array 'classes' index 0: expected a whole number from 1 to %d, found %s",
                    KIND,
                    MAX_CLASSES,
                    classes));
        }
        return new OneHot((int) classes);
    }

    /** The number of classes, which is the width of the encoded targets. */
    public int classCount() {
        return classCount;
    }

    /**
     * {@code data} with one-hot targets ({@link TargetKind#ONE_HOT}). The features are shared, not copied.
     *
     * @throws DataException unless {@code data} has class-index targets with the fitted class count
     */
    @Override
    public Dataset apply(Dataset data) {
        requireClassIndices(data);
        if (data.classCount() != classCount) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "%s: expected data with %d classes (as fitted), found %d",
                    KIND,
                    classCount,
                    data.classCount()));
        }
        float[] indices = data.storedTargets();
        float[] encoded = new float[indices.length * classCount];
        for (int row = 0; row < indices.length; row++) {
            encoded[row * classCount + (int) indices[row]] = 1f;
        }
        return data.withOneHotTargets(encoded);
    }

    /**
     * Encodes {@code count} class indices into {@code count * classCount()} one-hot values, row-major.
     *
     * @param classIndices at least {@code count} class indices; not modified
     * @param oneHot receives the encoding (modified)
     * @throws IllegalArgumentException if an array is too short or a value is not a class index
     */
    public void encode(float[] classIndices, int count, float[] oneHot) {
        if (count < 0 || classIndices.length < count || (long) count * classCount > oneHot.length) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "expected %d class indices and room for %d values, found %d and %d",
                    count,
                    (long) count * classCount,
                    classIndices.length,
                    oneHot.length));
        }
        for (int row = 0; row < count; row++) {
            float value = classIndices[row];
            if (!(value >= 0 && value < classCount && value == (int) value)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "classIndices[%d]: expected a class index from 0 to %d, found %s",
                        row,
                        classCount - 1,
                        value));
            }
            Arrays.fill(oneHot, row * classCount, (row + 1) * classCount, 0f);
            oneHot[row * classCount + (int) value] = 1f;
        }
    }

    @Override
    public TransformState state() {
        return new TransformState(KIND, Map.of("classes", new float[] {classCount}));
    }

    private static void requireClassIndices(Dataset data) {
        if (data.targetKind() != TargetKind.CLASS_INDEX) {
            throw new DataException(KIND + ": expected class-index targets (CLASS_INDEX), found " + data.targetKind());
        }
    }
}
