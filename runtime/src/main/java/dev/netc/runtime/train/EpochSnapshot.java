package dev.netc.runtime.train;

import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.optim.OptimizerState;

/**
 * The parameters and optimizer state at the start of the current epoch, from which the trainer replays the epoch's
 * good steps when an update makes a parameter non-finite. Steps are deterministic, so the replay reaches exactly the
 * parameters before the failing update; the price is one copy per epoch instead of one per step, which would cost
 * the loop a full pass over the parameters every batch.
 */
final class EpochSnapshot {

    private final float[] parameters;
    private OptimizerState optimizerState;

    EpochSnapshot(int parameterCount) {
        this.parameters = new float[parameterCount];
    }

    /** Remembers {@code current} (not modified) and {@code optimizer}'s state. */
    void take(float[] current, Optimizer optimizer) {
        System.arraycopy(current, 0, parameters, 0, parameters.length);
        optimizerState = optimizer.state();
    }

    /** Puts the remembered parameters into {@code target} (modified) and the remembered state into the optimizer. */
    void restore(float[] target, Optimizer optimizer) {
        System.arraycopy(parameters, 0, target, 0, parameters.length);
        optimizer.restore(optimizerState);
    }
}
