package dev.netc.runtime.train;

import dev.netc.runtime.ForwardingTrainableNetwork;
import dev.netc.runtime.TrainableNetwork;

/**
 * A network that behaves as another one except at one call of {@code lossAndGradient}, where it puts a NaN into the
 * gradient and leaves the loss finite: a fault the loss check cannot see. For the divergence tests.
 */
final class Faulty extends ForwardingTrainableNetwork {

    private final int badCall;
    private final int badIndex;
    private int calls;

    /** Gradient value {@code badIndex} is NaN at call {@code badCall} (0-based). */
    Faulty(TrainableNetwork network, int badCall, int badIndex) {
        super(network);
        this.badCall = badCall;
        this.badIndex = badIndex;
    }

    @Override
    public float lossAndGradient(float[] parameters, float[] inputs, float[] targets, int count, float[] gradient) {
        return fault(super.lossAndGradient(parameters, inputs, targets, count, gradient), gradient);
    }

    @Override
    public float lossAndGradient(
            float[] parameters, float[] inputs, float[] targets, int count, float[] gradient, long dropoutSeed) {
        return fault(super.lossAndGradient(parameters, inputs, targets, count, gradient, dropoutSeed), gradient);
    }

    private float fault(float loss, float[] gradient) {
        if (calls++ == badCall) {
            gradient[badIndex] = Float.NaN;
        }
        return loss;
    }
}
