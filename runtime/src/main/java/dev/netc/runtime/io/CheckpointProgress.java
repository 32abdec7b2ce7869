package dev.netc.runtime.io;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a training run stood when a checkpoint was taken, and what is needed to continue it exactly: the position
 * (epoch and batch), the settings that give the batches their meaning (batch size, sample count, shuffle seed), the
 * learning-rate schedule's position, and the running sums of the epoch in progress.
 *
 * <p>The random state is derivable: each epoch's shuffle depends only on the seed and the epoch number, so the seed,
 * the epoch and the batch ({@code dev.netc.runtime.data.BatchIterator#startEpoch(int, int)}) are the whole of it.
 *
 * @param epoch the epoch to continue, 0-based
 * @param batch the next batch of that epoch to run, 0-based; from 0 (the epoch has not started) to {@code
 *     batchesPerEpoch} (its steps are done, its figures not yet measured)
 * @param epochs the number of epochs the run was asked for
 * @param batchesPerEpoch the number of batches in an epoch
 * @param batchSize the most samples in a batch
 * @param samples the number of training samples
 * @param shuffle whether each epoch takes the samples in a seeded order
 * @param seed the seed of the shuffles and of a validation split
 * @param scheduleEpoch the epoch the learning-rate schedule was last applied for; -1 when the run has no schedule
 * @param totals the running sums of epoch {@code epoch}'s batches so far (all zero when {@code batch} is 0)
 */
public record CheckpointProgress(
        int epoch,
        int batch,
        int epochs,
        int batchesPerEpoch,
        int batchSize,
        int samples,
        boolean shuffle,
        long seed,
        long scheduleEpoch,
        EpochTotals totals) {

    /**
     * The sums an epoch's figures are made of, so that a run resumed within an epoch reports the figures an
     * uninterrupted run would.
     *
     * @param lossSum the sum of each batch's mean loss times its size
     * @param lossSamples the number of samples in those batches
     * @param normSum with gradient clipping, the sum of the global gradient norms before clipping; else 0
     * @param normMax with gradient clipping, the largest of those norms; else 0
     * @param steps the number of steps taken in the epoch
     */
    public record EpochTotals(double lossSum, long lossSamples, double normSum, double normMax, int steps) {

        /** The sums of an epoch that has not started. */
        public static final EpochTotals NONE = new EpochTotals(0, 0, 0, 0, 0);
    }

    /** @throws IllegalArgumentException naming the first value out of range */
    public CheckpointProgress {
        problem(epoch, batch, epochs, batchesPerEpoch, batchSize, samples, scheduleEpoch, totals)
                .ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
    }

    /** The first value out of range, for the constructor and for a reader that must not throw it unchecked. */
    static Optional<String> problem(
            int epoch,
            int batch,
            int epochs,
            int batchesPerEpoch,
            int batchSize,
            int samples,
            long scheduleEpoch,
            EpochTotals totals) {
        if (epochs < 1 || batchSize < 1 || samples < 1 || batchesPerEpoch < 1 || batchesPerEpoch > samples) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "expected at least one epoch, batch and sample, found %d epochs of %d batches of up to %d of %d"
                            + " samples",
                    epochs,
                    batchesPerEpoch,
                    batchSize,
                    samples));
        }
        if (epoch < 0 || epoch > epochs || batch < 0 || batch > batchesPerEpoch || (epoch == epochs && batch > 0)) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "expected a position within %d epochs of %d batches, found epoch %d, batch %d",
                    epochs,
                    batchesPerEpoch,
                    epoch,
                    batch));
        }
        if (scheduleEpoch < -1 || scheduleEpoch > epoch) {
            return Optional.of(String.format(
                    Locale.ROOT, "expected the schedule's epoch from -1 to %d, found %d", epoch, scheduleEpoch));
        }
        if (totals.steps() != batch || totals.lossSamples() < 0 || totals.lossSamples() > samples) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "expected the totals of %d steps over at most %d samples, found %d steps over %d samples",
                    batch,
                    samples,
                    totals.steps(),
                    totals.lossSamples()));
        }
        return Optional.empty();
    }
}
