package dev.netc.runtime.train;

import dev.netc.runtime.io.CheckpointEarlyStopping;
import dev.netc.spec.diag.Suggestions;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Stops training when a monitored figure has not improved for {@code patience} epochs, and puts back the parameters
 * of its best epoch, as Keras' {@code EarlyStopping(restore_best_weights=True)}:
 *
 * <pre>{@code
 * Trainer.of(net).validationSplit(0.2).callbacks(EarlyStopping.on("val_loss").patience(10))...
 * }</pre>
 *
 * <p>An epoch improves on the best so far when it is better by more than {@code minDelta}: lower for losses and
 * errors, higher for accuracies (as {@link TrainingRun#higherIsBetter} says). The best parameters are restored when
 * training ends, whether this callback stopped it or the last epoch came first, so the parameters a fit leaves are
 * those of the best epoch; {@link #restoreBestWeights(boolean) restoreBestWeights(false)} keeps the last epoch's
 * instead. The history keeps every epoch.
 *
 * <p>The state of a run (best value, best parameters, epochs waited) is reset when training starts, so one instance
 * may serve several fits, one at a time. A {@link CheckpointCallback} saves that state, and a run resumed from the
 * checkpoint continues it.
 */
public final class EarlyStopping implements Callback {

    private final String monitor;
    private int patience;
    private double minDelta;
    private boolean restoreBestWeights = true;

    private boolean higherIsBetter;
    private double best;
    private int bestEpoch = -1;
    private int waited;
    private float[] bestParameters;

    private EarlyStopping(String monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /** Early stopping on the figure {@code monitor}, e.g. {@code val_loss} or {@code val_accuracy}; patience 0. */
    public static EarlyStopping on(String monitor) {
        return new EarlyStopping(monitor);
    }

    /**
     * Epochs without improvement to wait before stopping (Keras' default, 0, stops at the first).
     *
     * @throws IllegalArgumentException if negative
     */
    public EarlyStopping patience(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("patience: expected 0 or more epochs, found " + epochs);
        }
        this.patience = epochs;
        return this;
    }

    /**
     * The least change that counts as an improvement (default 0).
     *
     * @throws IllegalArgumentException unless finite and not negative
     */
    public EarlyStopping minDelta(double delta) {
        if (!(Double.isFinite(delta) && delta >= 0)) {
            throw new IllegalArgumentException("minDelta: expected a finite number >= 0, found " + delta);
        }
        this.minDelta = delta;
        return this;
    }

    /** Whether to restore the best epoch's parameters when training ends (default true). */
    public EarlyStopping restoreBestWeights(boolean restore) {
        this.restoreBestWeights = restore;
        return this;
    }

    /** The figure monitored. */
    public String monitor() {
        return monitor;
    }

    /** The best epoch of the last run (0-based), or -1 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best value of the monitored figure in the last run; NaN before any. */
    public double best() {
        return bestEpoch < 0 ? Double.NaN : best;
    }

    /**
     * @throws IllegalArgumentException if the run does not report the monitored figure, naming what it reports
     */
    @Override
    public void trainingStarted(TrainingRun run) {
        if (!run.figureNames().contains(monitor)) {
            throw new IllegalArgumentException("early stopping monitors '" + monitor
                    + "', which this training does not report; it reports " + String.join(", ", run.figureNames())
                    + Suggestions.closest(monitor, run.figureNames())
                            .map(name -> "; did you mean '" + name + "'?")
                            .orElse(""));
        }
        higherIsBetter = run.higherIsBetter(monitor);
        best = Double.NaN;
        bestEpoch = -1;
        waited = 0;
        bestParameters = restoreBestWeights ? new float[run.parameters().length] : null;
    }

    @Override
    public void epochEnded(TrainingRun run, Map<String, Double> figures) {
        double value = figures.get(monitor);
        if (bestEpoch < 0 || improves(value)) {
            best = value;
            bestEpoch = run.epoch();
            waited = 0;
            if (bestParameters != null) {
                System.arraycopy(run.parameters(), 0, bestParameters, 0, bestParameters.length);
            }
            return;
        }
        waited++;
        if (waited > patience) {
            run.stop(String.format(
                    Locale.ROOT,
                    "early stopping: %s has not improved on %s (epoch %d) for %d epoch%s%s",
                    monitor,
                    Figures.format(best),
                    bestEpoch + 1,
                    waited,
                    waited == 1 ? "" : "s",
                    restoreBestWeights ? "; the parameters are those of epoch " + (bestEpoch + 1) : ""));
        }
    }

    @Override
    public void trainingEnded(TrainingRun run) {
        if (bestParameters != null && bestEpoch >= 0) {
            System.arraycopy(bestParameters, 0, run.parameters(), 0, bestParameters.length);
        }
    }

    /** Whether the best epoch's parameters are put back when training ends. */
    boolean restoresBestWeights() {
        return restoreBestWeights;
    }

    /** The state of the run in progress, for a checkpoint. */
    CheckpointEarlyStopping state() {
        return new CheckpointEarlyStopping(monitor, best, bestEpoch, waited, bestParameters);
    }

    /**
     * Continues from a checkpoint's state, after {@link #trainingStarted} has reset this run's; the caller has checked
     * that it monitors the same figure and keeps best parameters if this callback restores them.
     */
    void restore(CheckpointEarlyStopping state) {
        best = state.best();
        bestEpoch = state.bestEpoch();
        waited = state.waited();
        if (bestParameters != null) {
            state.bestParameters().ifPresent(saved -> System.arraycopy(saved, 0, bestParameters, 0, saved.length));
        }
    }

    private boolean improves(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return higherIsBetter ? value > best + minDelta : value < best - minDelta;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "EarlyStopping[%s, patience %d, minDelta %s, restoreBestWeights %b]",
                monitor,
                patience,
                minDelta,
                restoreBestWeights);
    }
}
