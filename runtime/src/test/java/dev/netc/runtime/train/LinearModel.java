package dev.netc.runtime.train;

import dev.netc.runtime.TrainableNetwork;
import java.util.Arrays;

/**
 * A hand-written trainable network for loop tests: one linear output {@code w . x + b} under mean squared error,
 * parameters {@code [w0 .. w(n-1), b]}. Its gradient is exact and it allocates nothing, so the loop's own behaviour
 * (and allocation) is all a test sees.
 */
class LinearModel implements TrainableNetwork {

    private final int inputs;

    LinearModel(int inputs) {
        this.inputs = inputs;
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public int parameterCount() {
        return inputs + 1;
    }

    @Override
    public void predict(float[] parameters, float[] input, float[] output) {
        predictBatch(parameters, input, 1, output);
    }

    @Override
    public void predictBatch(float[] parameters, float[] inputs, int count, float[] outputs) {
        for (int s = 0; s < count; s++) {
            outputs[s] = output(parameters, inputs, s);
        }
    }

    @Override
    public float lossAndGradient(float[] parameters, float[] inputs, float[] targets, int count, float[] gradient) {
        Arrays.fill(gradient, 0f);
        double sum = 0;
        float scale = 2f / count;
        for (int s = 0; s < count; s++) {
            float error = output(parameters, inputs, s) - targets[s];
            sum += (double) error * error;
            for (int i = 0; i < this.inputs; i++) {
                gradient[i] += scale * error * inputs[s * this.inputs + i];
            }
            gradient[this.inputs] += scale * error;
        }
        return (float) (sum / count);
    }

    @Override
    public float[] initialParameters(long seed) {
        float[] parameters = new float[parameterCount()];
        for (int i = 0; i < inputs; i++) {
            parameters[i] = 0.1f * (i + 1);
        }
        return parameters;
    }

    private float output(float[] parameters, float[] x, int sample) {
        float y = parameters[inputs];
        for (int i = 0; i < inputs; i++) {
            y += parameters[i] * x[sample * inputs + i];
        }
        return y;
    }
}
