package dev.netc.runtime.train;

import java.util.Optional;

/**
 * Training stopped because the loss, the gradient or a parameter became NaN or infinite. The message says where
 * (epoch and batch, counted from 1 as in progress lines), what went wrong (the loss; or the parameter, named by layer
 * when the trainer knows the layout; or the input sample that carried a NaN) and what to try.
 *
 * <p>The parameters the trainer was given hold the last good values when this is thrown: those before the failing
 * batch's update. Unchecked, as {@link ArithmeticException} is: the caller prints it or lowers the learning rate.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final String layer;
    private final transient History history;

    TrainingDivergedException(String message, int epoch, int batch, String layer, History history) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
        this.layer = layer;
        this.history = history;
    }

    /** The epoch that failed, 0-based. */
    public int epoch() {
        return epoch;
    }

    /** The batch that failed within its epoch, 0-based. */
    public int batch() {
        return batch;
    }

    /** The layer whose parameter or gradient became non-finite; empty when the loss did first. */
    public Optional<String> layer() {
        return Optional.ofNullable(layer);
    }

    /** The figures of the epochs completed before the failure. */
    public History history() {
        return history;
    }
}
