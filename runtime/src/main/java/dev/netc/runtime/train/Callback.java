package dev.netc.runtime.train;

import java.util.Map;

/**
 * Hooks into a training run, as Keras callbacks: early stopping, checkpoints, progress and learning-rate changes are
 * all callbacks. Every method has an empty default, so a callback overrides only what it needs. The trainer calls
 * the callbacks in the order they were given, then its progress reporter.
 *
 * <p>Contract for the batch hook: {@link #batchEnded} runs after every step, so it must be cheap, and it must not
 * change the parameters or the optimizer (the trainer replays an epoch's steps to recover the last good parameters
 * after a divergence, and that replay must see the same steps). A callback that allocates in {@code batchEnded} makes
 * the loop allocate. Change parameters or the learning rate in {@link #epochStarted}, {@link #epochEnded} or {@link
 * #trainingEnded}.
 */
public interface Callback {

    /** Before the first epoch. {@link TrainingRun#figureNames()} already lists what each epoch will report. */
    default void trainingStarted(TrainingRun run) {}

    /** At the start of epoch {@link TrainingRun#epoch()}, after the learning-rate schedule has been applied. */
    default void epochStarted(TrainingRun run) {}

    /**
     * After the update of batch {@link TrainingRun#batch()}.
     *
     * @param loss the batch's mean loss, before the update
     */
    default void batchEnded(TrainingRun run, float loss) {}

    /**
     * After epoch {@link TrainingRun#epoch()} is measured and recorded in the history. Call {@link TrainingRun#stop}
     * to end training after it.
     *
     * @param figures the epoch's figures by name, in report order (unmodifiable)
     */
    default void epochEnded(TrainingRun run, Map<String, Double> figures) {}

    /** After the last epoch, or after the epoch in which a callback asked to stop. */
    default void trainingEnded(TrainingRun run) {}

    /**
     * When training ends by an exception instead ({@link TrainingDivergedException}, or one thrown by the network, a
     * callback or the data), just before the trainer rethrows it: to close what {@link #trainingStarted} opened.
     */
    default void trainingFailed(TrainingRun run, RuntimeException failure) {}
}
