package dev.netc.runtime.data;

import java.util.Locale;

/**
 * Mini-batches of a data set, epoch after epoch, written into a reused {@link Batch} so that training allocates
 * nothing per batch:
 *
 * <pre>{@code
 * BatchIterator batches = BatchIterator.builder(train, 32).shuffle(seed).build();
 * Batch batch = batches.newBatch();
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     batches.startEpoch(epoch);
 *     while (batches.next(batch)) {
 *         float loss = network.lossAndGradient(parameters, batch.features(), batch.targets(), batch.size(), gradient);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>With {@link Builder#shuffle(long)}, the order of epoch {@code e} is a seeded shuffle that depends only on the
 * seed and {@code e}, not on earlier epochs, so training can resume at any epoch and batch ({@link #startEpoch(int,
 * int)}) and see exactly the batches an uninterrupted run would. Without it, every epoch takes the samples in order.
 * The last batch of an epoch is partial when the batch size does not divide the sample count; it is kept unless
 * {@link Builder#dropLast(boolean)} says otherwise.
 *
 * <p>Not thread-safe. It reads the data set; many iterators may share one.
 */
public final class BatchIterator {

    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int batchCount;
    private final int[] order;
    private int epoch;
    private int nextBatch;

    private BatchIterator(Builder builder) {
        this.data = builder.data;
        this.batchSize = builder.batchSize;
        this.shuffle = builder.shuffle;
        this.seed = builder.seed;
        int size = data.size();
        this.batchCount = builder.dropLast ? size / batchSize : (size + batchSize - 1) / batchSize;
        this.order = new int[size];
        startEpoch(0);
    }

    /**
     * A builder for batches of {@code batchSize} samples of {@code data}: in order, keeping the last partial batch,
     * unless told otherwise.
     *
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public static Builder builder(Dataset data, int batchSize) {
        return new Builder(data, batchSize);
    }

    /** A buffer of the right size for this iterator's batches; make one and reuse it. */
    public Batch newBatch() {
        return new Batch(batchSize, data.featureSize(), data.targetWidth());
    }

    /** The most samples in a batch. */
    public int batchSize() {
        return batchSize;
    }

    /** The number of batches each epoch yields (0 when dropping the partial batch of a set smaller than one batch). */
    public int batchesPerEpoch() {
        return batchCount;
    }

    /** The current epoch. */
    public int epoch() {
        return epoch;
    }

    /** The number of the batch the next {@link #next} yields, 0-based within the epoch. */
    public int nextBatch() {
        return nextBatch;
    }

    /** Starts epoch {@code epoch} at its first batch. */
    public void startEpoch(int epoch) {
        startEpoch(epoch, 0);
    }

    /**
     * Starts epoch {@code epoch} at batch {@code batch}, as an uninterrupted run would reach it: to resume training.
     *
     * @throws IllegalArgumentException if {@code epoch} is negative or {@code batch} is not from 0 to {@link
     *     #batchesPerEpoch()}
     */
    public void startEpoch(int epoch, int batch) {
        if (epoch < 0 || batch < 0 || batch > batchCount) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "expected epoch >= 0 and batch from 0 to %d, found epoch %d, batch %d",
                    batchCount,
                    epoch,
                    batch));
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Shuffle.shuffle(order, 0, order.length, Shuffle.stream(seed, epoch));
        }
        this.epoch = epoch;
        this.nextBatch = batch;
    }

    /**
     * Writes the next batch of the current epoch into {@code batch}. Allocates nothing.
     *
     * @param batch a buffer from {@link #newBatch()} (modified)
     * @return false, leaving {@code batch} unchanged, when the epoch has no more batches
     * @throws IllegalArgumentException if {@code batch} was made for other sizes
     */
    public boolean next(Batch batch) {
        if (batch.capacity() != batchSize
                || batch.featureSize() != data.featureSize()
                || batch.targetWidth() != data.targetWidth()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "batch: expected a buffer of %d samples of %d features and %d targets (from newBatch()),"
                            + " found %d of %d and %d",
                    batchSize,
                    data.featureSize(),
                    data.targetWidth(),
                    batch.capacity(),
                    batch.featureSize(),
                    batch.targetWidth()));
        }
        if (nextBatch >= batchCount) {
            return false;
        }
        int from = nextBatch * batchSize;
        batch.fill(data, order, from, Math.min(batchSize, order.length - from), nextBatch);
        nextBatch++;
        return true;
    }

    /** Options of a {@link BatchIterator}. */
    public static final class Builder {

        private final Dataset data;
        private final int batchSize;
        private boolean shuffle;
        private long seed;
        private boolean dropLast;

        private Builder(Dataset data, int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize: expected at least 1, found " + batchSize);
            }
            this.data = data;
            this.batchSize = batchSize;
        }

        /** Shuffles every epoch, the order of epoch {@code e} determined by {@code seed} and {@code e} alone. */
        public Builder shuffle(long seed) {
            this.shuffle = true;
            this.seed = seed;
            return this;
        }

        /** Whether to drop the last batch of an epoch when it is smaller than the batch size (default: keep it). */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** The iterator, at the start of epoch 0. */
        public BatchIterator build() {
            return new BatchIterator(this);
        }
    }
}
