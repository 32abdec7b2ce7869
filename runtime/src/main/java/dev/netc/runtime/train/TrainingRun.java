package dev.netc.runtime.train;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.SavedTransform;
import dev.netc.runtime.optim.Optimizer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link Callback} sees of a training run in progress: where it is (epoch and batch, 0-based), the live
 * parameters and optimizer, the history so far, and a way to stop. One instance per run, updated in place, so that
 * reading it allocates nothing.
 */
public final class TrainingRun {

    /** Makes a checkpoint of the run as it stands; the training loop provides it. */
    interface Capture {

        /**
         * @param epochEnded true at the end of an epoch (after every callback's {@link Callback#epochEnded}), false
         *     after a batch
         * @param preprocessing saved with the weights
         */
        Checkpoint capture(boolean epochEnded, List<SavedTransform> preprocessing);
    }

    private final TrainableNetwork network;
    private final float[] parameters;
    private final Optimizer optimizer;
    private final History history;
    private final Set<String> higherIsBetter;
    private final int epochs;
    private final int batchesPerEpoch;
    private final Capture capture;
    private int epoch = -1;
    private int batch = -1;
    private String stopReason;

    TrainingRun(
            TrainableNetwork network,
            float[] parameters,
            Optimizer optimizer,
            History history,
            Set<String> higherIsBetter,
            int epochs,
            int batchesPerEpoch,
            Capture capture) {
        this.network = network;
        this.parameters = parameters;
        this.optimizer = optimizer;
        this.history = history;
        this.higherIsBetter = Set.copyOf(higherIsBetter);
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.capture = capture;
    }

    /** The network being trained. */
    public TrainableNetwork network() {
        return network;
    }

    /**
     * The parameters being trained: the caller's array itself, updated in place by every step. A callback may read
     * them at any time and replace them (with {@link System#arraycopy}) outside {@link Callback#batchEnded}.
     */
    public float[] parameters() {
        return parameters;
    }

    /** The optimizer; a callback may change its learning rate in {@link Callback#epochStarted}. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The figures of the epochs completed so far. */
    public History history() {
        return history;
    }

    /** The names of the figures each epoch reports, in report order. */
    public List<String> figureNames() {
        return history.names();
    }

    /** Whether a larger value of {@code figure} is better: true for accuracies (and their {@code val_} forms). */
    public boolean higherIsBetter(String figure) {
        return higherIsBetter.contains(figure);
    }

    /** The current epoch, 0-based; -1 before the first. */
    public int epoch() {
        return epoch;
    }

    /** The number of epochs the run was asked for. */
    public int epochs() {
        return epochs;
    }

    /** The current batch within the epoch, 0-based; -1 before the epoch's first step. */
    public int batch() {
        return batch;
    }

    /** The number of batches (steps) in each epoch. */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /**
     * Ends training after the current epoch, recording {@code reason} as the history's {@link History#stopReason()}.
     * The first reason given is kept.
     */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
            history.stopped(reason);
        }
    }

    /** Why a callback asked to stop; empty while training goes on. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Whether {@link #checkpoint} can record the run: the trainer knows the network's architecture. */
    boolean canCheckpoint() {
        return capture != null;
    }

    /**
     * The run as it stands, to resume from: valid after a batch ({@code epochEnded} false) or at the end of an epoch.
     *
     * @throws IllegalStateException if the trainer does not know the network's architecture
     */
    Checkpoint checkpoint(boolean epochEnded, List<SavedTransform> preprocessing) {
        if (capture == null) {
            throw new IllegalStateException(
                    "a checkpoint records the network's architecture, which this network does not state: describe the"
                            + " trainer by its checked network");
        }
        return capture.capture(epochEnded, preprocessing);
    }

    void startEpoch(int newEpoch) {
        this.epoch = newEpoch;
        this.batch = -1;
    }

    void atBatch(int newBatch) {
        this.batch = newBatch;
    }
}
