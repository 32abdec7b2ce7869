package dev.netc.runtime.io;

import java.util.Objects;
import java.util.Optional;

/**
 * The state of one early-stopping callback in a checkpoint: what it monitors, the best value and epoch so far, the
 * epochs it has waited since, and the best epoch's parameters when it is to restore them. Immutable: the parameters
 * are copied in and out.
 */
public final class CheckpointEarlyStopping {

    private final String monitor;
    private final double best;
    private final int bestEpoch;
    private final int waited;
    private final float[] bestParameters;

    /**
     * @param monitor the figure monitored, e.g. {@code val_loss}
     * @param best the best value so far (NaN when none, or when the first epoch's value was NaN)
     * @param bestEpoch the best epoch, 0-based; -1 before any
     * @param waited epochs since the best without improvement, 0 or more
     * @param bestParameters the best epoch's parameters (copied), or null when the callback does not restore them
     * @throws IllegalArgumentException if a count is negative
     */
    public CheckpointEarlyStopping(String monitor, double best, int bestEpoch, int waited, float[] bestParameters) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        if (bestEpoch < -1 || waited < 0) {
            throw new IllegalArgumentException(
                    "expected a best epoch >= -1 and a wait >= 0, found " + bestEpoch + " and " + waited);
        }
        this.best = best;
        this.bestEpoch = bestEpoch;
        this.waited = waited;
        this.bestParameters = bestParameters == null ? null : bestParameters.clone();
    }

    /** The figure monitored. */
    public String monitor() {
        return monitor;
    }

    /** The best value so far. */
    public double best() {
        return best;
    }

    /** The best epoch so far, 0-based; -1 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Epochs waited since the best without improvement. */
    public int waited() {
        return waited;
    }

    /** A copy of the best epoch's parameters; empty when the callback does not restore them. */
    public Optional<float[]> bestParameters() {
        return Optional.ofNullable(bestParameters).map(float[]::clone);
    }

    /** The number of best parameters kept, or -1 when none are. */
    int bestParameterCount() {
        return bestParameters == null ? -1 : bestParameters.length;
    }
}
