package dev.netc.runtime.fault;

import dev.netc.runtime.ForwardingTrainableNetwork;
import dev.netc.runtime.TrainableNetwork;

/**
 * The network of {@link InterruptedRun} that interrupts its own thread while computing the gradient of step {@code
 * step} (1-based): where an interrupt from outside almost always lands, since steps are where training spends its
 * time.
 */
final class InterruptingNetwork extends ForwardingTrainableNetwork {

    private final int step;
    private int calls;

    InterruptingNetwork(TrainableNetwork network, int step) {
        super(network);
        this.step = step;
    }

    @Override
    public float lossAndGradient(float[] parameters, float[] inputs, float[] targets, int count, float[] gradient) {
        countCall();
        return super.lossAndGradient(parameters, inputs, targets, count, gradient);
    }

    @Override
    public float lossAndGradient(
            float[] parameters, float[] inputs, float[] targets, int count, float[] gradient, long dropoutSeed) {
        countCall();
        return super.lossAndGradient(parameters, inputs, targets, count, gradient, dropoutSeed);
    }

    private void countCall() {
        calls++;
        if (calls == step) {
            Thread.currentThread().interrupt();
        }
    }
}
