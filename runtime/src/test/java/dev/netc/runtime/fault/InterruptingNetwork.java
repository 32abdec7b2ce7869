package dev.netc.runtime.fault;

import dev.netc.runtime.TrainableNetwork;

/**
 * The network of {@link InterruptedRun} that interrupts its own thread while computing the gradient of step {@code
 * step} (1-based): where an interrupt from outside almost always lands, since steps are where training spends its
 * time.
 */
final class InterruptingNetwork implements TrainableNetwork {

    private final TrainableNetwork network;
    private final int step;
    private int calls;

    InterruptingNetwork(TrainableNetwork network, int step) {
        this.network = network;
        this.step = step;
    }

    @Override
    public float lossAndGradient(float[] parameters, float[] inputs, float[] targets, int count, float[] gradient) {
        calls++;
        if (calls == step) {
            Thread.currentThread().interrupt();
        }
        return network.lossAndGradient(parameters, inputs, targets, count, gradient);
    }

    @Override
    public float[] initialParameters(long seed) {
        return network.initialParameters(seed);
    }

    @Override
    public int inputSize() {
        return network.inputSize();
    }

    @Override
    public int outputSize() {
        return network.outputSize();
    }

    @Override
    public int parameterCount() {
        return network.parameterCount();
    }

    @Override
    public void predict(float[] parameters, float[] input, float[] output) {
        network.predict(parameters, input, output);
    }

    @Override
    public void predictBatch(float[] parameters, float[] inputs, int count, float[] outputs) {
        network.predictBatch(parameters, inputs, count, outputs);
    }
}
