package dev.netc.runtime.train;

import dev.netc.runtime.TrainableNetwork;

/**
 * A network that behaves as another one except at one call of {@code lossAndGradient}, where it puts a NaN into the
 * gradient and leaves the loss finite: a fault the loss check cannot see. For the divergence tests.
 */
final class Faulty implements TrainableNetwork {

    private final TrainableNetwork network;
    private final int badCall;
    private final int badIndex;
    private int calls;

    /** Gradient value {@code badIndex} is NaN at call {@code badCall} (0-based). */
    Faulty(TrainableNetwork network, int badCall, int badIndex) {
        this.network = network;
        this.badCall = badCall;
        this.badIndex = badIndex;
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

    @Override
    public float lossAndGradient(float[] parameters, float[] inputs, float[] targets, int count, float[] gradient) {
        return fault(network.lossAndGradient(parameters, inputs, targets, count, gradient), gradient);
    }

    @Override
    public float lossAndGradient(
            float[] parameters, float[] inputs, float[] targets, int count, float[] gradient, long dropoutSeed) {
        return fault(network.lossAndGradient(parameters, inputs, targets, count, gradient, dropoutSeed), gradient);
    }

    private float fault(float loss, float[] gradient) {
        if (calls++ == badCall) {
            gradient[badIndex] = Float.NaN;
        }
        return loss;
    }

    @Override
    public float[] initialParameters(long seed) {
        return network.initialParameters(seed);
    }
}
