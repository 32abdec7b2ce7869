package dev.netc.runtime.data;

/**
 * A reusable mini-batch buffer that {@link BatchIterator#next} fills: the batch's features and targets row-major from
 * index 0, exactly as {@code TrainableNetwork.lossAndGradient(parameters, features(), targets(), size(), gradient)}
 * takes them. The arrays are allocated once, at the batch capacity, and overwritten by every {@code next}; only the
 * first {@link #size()} rows are meaningful (the last batch of an epoch may be partial).
 *
 * <p>Not thread-safe: one buffer per training thread.
 */
public final class Batch {

    private final float[] features;
    private final float[] targets;
    private final int[] rows;
    private final int featureSize;
    private final int targetWidth;
    private int size;
    private int index = -1;

    Batch(int capacity, int featureSize, int targetWidth) {
        this.features = new float[capacity * featureSize];
        this.targets = new float[capacity * targetWidth];
        this.rows = new int[capacity];
        this.featureSize = featureSize;
        this.targetWidth = targetWidth;
    }

    /** The features, {@link #size()} rows of {@link #featureSize()} values from index 0 (then stale data). */
    public float[] features() {
        return features;
    }

    /** The targets, {@link #size()} rows of {@link #targetWidth()} values from index 0 (then stale data). */
    public float[] targets() {
        return targets;
    }

    /** The number of samples in this batch, at most {@link #capacity()}. */
    public int size() {
        return size;
    }

    /** The most samples a batch holds: the iterator's batch size. */
    public int capacity() {
        return rows.length;
    }

    /** Feature values per sample. */
    public int featureSize() {
        return featureSize;
    }

    /** Target values per sample. */
    public int targetWidth() {
        return targetWidth;
    }

    /** This batch's 0-based number within its epoch; -1 before the first {@code next}. */
    public int index() {
        return index;
    }

    /** The row, in the iterated data set, of sample {@code i} of this batch (to trace a bad sample back). */
    public int row(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " of a batch of " + size);
        }
        return rows[i];
    }

    /** Fills this buffer with the samples {@code order[from, from + count)} of {@code data}. Allocates nothing. */
    void fill(Dataset data, int[] order, int from, int count, int batchIndex) {
        for (int i = 0; i < count; i++) {
            int row = order[from + i];
            rows[i] = row;
            data.copyFeatures(row, features, i * featureSize);
            data.copyTargets(row, targets, i * targetWidth);
        }
        size = count;
        index = batchIndex;
    }
}
