package dev.netc.benchmarks;

import java.util.Arrays;

/**
 * The "hand-written Java" peer of the workload benchmarks: a dense network written the way a programmer would without
 * netc, as plain loops over the same flat parameter layout the generated classes use (for each layer, weights
 * row-major {@code [units][inputs]}, then bias {@code [units]}). The forward pass is one dot product per unit and
 * sample; the backward pass adds row updates ({@code g[row + i] += dz * in[i]}, {@code dIn[i] += dz * w[row + i]}),
 * the two forms the issue measured at 4 to 5 GFLOP/s. Activations call {@link Math#tanh} and {@link Math#exp}.
 * Hidden layers are tanh or relu; the last is softmax, trained with categorical cross-entropy averaged over the
 * batch, as the generated networks do.
 *
 * <p>Allocates its scratch arrays once, for at most {@code maxBatch} samples, so that warm calls allocate nothing.
 * Not thread-safe: one instance per benchmark thread.
 */
final class HandWrittenNetwork {

    /** Activation of a hidden layer; the output layer is always softmax. */
    enum Hidden {
        TANH,
        RELU
    }

    private final int inputSize;
    private final int[] units;
    private final Hidden[] hidden;
    private final int[] weights;
    private final int[] biases;
    private final int parameterCount;
    private final int maxBatch;
    /** Per layer, the activations of every sample of a batch, sample-major. */
    private final float[][] activations;
    /** Per layer, the loss's derivative with respect to each activation, sample-major. */
    private final float[][] deltas;

    /**
     * @param inputSize features per sample
     * @param units units of each layer, the last one the softmax output
     * @param hidden activation of each layer but the last
     * @param maxBatch the largest batch {@link #predictBatch} and {@link #lossAndGradient} will be given
     */
    HandWrittenNetwork(int inputSize, int[] units, Hidden[] hidden, int maxBatch) {
        if (hidden.length != units.length - 1) {
            throw new IllegalArgumentException(
                    "expected " + (units.length - 1) + " hidden activations, found " + hidden.length);
        }
        this.inputSize = inputSize;
        this.units = units.clone();
        this.hidden = hidden.clone();
        this.maxBatch = maxBatch;
        this.weights = new int[units.length];
        this.biases = new int[units.length];
        this.activations = new float[units.length][];
        this.deltas = new float[units.length][];
        int offset = 0;
        int in = inputSize;
        for (int l = 0; l < units.length; l++) {
            weights[l] = offset;
            biases[l] = offset + units[l] * in;
            offset = biases[l] + units[l];
            activations[l] = new float[maxBatch * units[l]];
            deltas[l] = new float[maxBatch * units[l]];
            in = units[l];
        }
        this.parameterCount = offset;
    }

    int parameterCount() {
        return parameterCount;
    }

    int outputSize() {
        return units[units.length - 1];
    }

    /** Weights of all layers, biases not counted: the multiply-adds one sample's forward pass makes. */
    long weightCount() {
        long count = 0;
        int in = inputSize;
        for (int u : units) {
            count += (long) u * in;
            in = u;
        }
        return count;
    }

    /** One sample's output: {@code y} receives the softmax of the last layer (modified). */
    void predict(float[] p, float[] x, float[] y) {
        forwardSample(p, x, 0, 0);
        System.arraycopy(activations[units.length - 1], 0, y, 0, outputSize());
    }

    /** The outputs of {@code count} samples, one after the other, each computed as {@link #predict} does. */
    void predictBatch(float[] p, float[] x, int count, float[] y) {
        int out = outputSize();
        for (int start = 0; start < count; start += maxBatch) {
            int block = Math.min(maxBatch, count - start);
            for (int s = 0; s < block; s++) {
                forwardSample(p, x, (start + s) * inputSize, s);
            }
            System.arraycopy(activations[units.length - 1], 0, y, start * out, block * out);
        }
    }

    /**
     * The batch's mean categorical cross-entropy and its gradient.
     *
     * @param t one-hot targets, {@link #outputSize()} per sample; not modified
     * @param g receives the gradient (overwritten)
     */
    float lossAndGradient(float[] p, float[] x, float[] t, int count, float[] g) {
        int last = units.length - 1;
        int out = outputSize();
        double loss = 0;
        for (int s = 0; s < count; s++) {
            forwardSample(p, x, s * inputSize, s);
        }
        float scale = 1f / count;
        float[] probabilities = activations[last];
        for (int s = 0; s < count; s++) {
            for (int o = 0; o < out; o++) {
                float target = t[s * out + o];
                float probability = probabilities[s * out + o];
                if (target != 0f) {
                    loss -= target * Math.log(Math.max(probability, Float.MIN_NORMAL));
                }
                deltas[last][s * out + o] = (probability - target) * scale;
            }
        }
        Arrays.fill(g, 0f);
        for (int l = last; l >= 0; l--) {
            backwardLayer(p, x, l, count, g);
        }
        return (float) (loss / count);
    }

    /** Layer by layer for sample {@code s}, reading its features from {@code x[xOffset ..]}. */
    private void forwardSample(float[] p, float[] x, int xOffset, int s) {
        float[] in = x;
        int inOffset = xOffset;
        int inSize = inputSize;
        for (int l = 0; l < units.length; l++) {
            int n = units[l];
            float[] a = activations[l];
            int aOffset = s * n;
            for (int o = 0; o < n; o++) {
                int row = weights[l] + o * inSize;
                float z = p[biases[l] + o];
                for (int i = 0; i < inSize; i++) {
                    z += p[row + i] * in[inOffset + i];
                }
                a[aOffset + o] = z;
            }
            if (l == units.length - 1) {
                softmax(a, aOffset, n);
            } else if (hidden[l] == Hidden.TANH) {
                for (int o = 0; o < n; o++) {
                    a[aOffset + o] = (float) Math.tanh(a[aOffset + o]);
                }
            } else {
                for (int o = 0; o < n; o++) {
                    a[aOffset + o] = Math.max(a[aOffset + o], 0f);
                }
            }
            in = a;
            inOffset = aOffset;
            inSize = n;
        }
    }

    /**
     * Adds layer {@code l}'s weight and bias gradients to {@code g} and, below the first layer, writes the delta of
     * the layer beneath. On entry {@code deltas[l]} holds the derivative with respect to the layer's output after the
     * activation, except for the softmax layer, where it already holds the derivative with respect to the logits.
     */
    private void backwardLayer(float[] p, float[] x, int l, int count, float[] g) {
        int n = units[l];
        int inSize = l == 0 ? inputSize : units[l - 1];
        float[] delta = deltas[l];
        float[] a = activations[l];
        if (l < units.length - 1) {
            for (int k = 0; k < count * n; k++) {
                delta[k] *= hidden[l] == Hidden.TANH ? 1f - a[k] * a[k] : a[k] > 0f ? 1f : 0f;
            }
        }
        float[] below = l == 0 ? null : deltas[l - 1];
        if (below != null) {
            Arrays.fill(below, 0, count * inSize, 0f);
        }
        for (int s = 0; s < count; s++) {
            float[] in = l == 0 ? x : activations[l - 1];
            int inOffset = s * inSize;
            for (int o = 0; o < n; o++) {
                float dz = delta[s * n + o];
                int row = weights[l] + o * inSize;
                g[biases[l] + o] += dz;
                for (int i = 0; i < inSize; i++) {
                    g[row + i] += dz * in[inOffset + i];
                }
                if (below != null) {
                    for (int i = 0; i < inSize; i++) {
                        below[inOffset + i] += dz * p[row + i];
                    }
                }
            }
        }
    }

    /** Softmax in place, the maximum subtracted first. */
    private static void softmax(float[] z, int offset, int length) {
        float max = Float.NEGATIVE_INFINITY;
        for (int o = 0; o < length; o++) {
            max = Math.max(max, z[offset + o]);
        }
        float sum = 0f;
        for (int o = 0; o < length; o++) {
            float e = (float) Math.exp(z[offset + o] - max);
            z[offset + o] = e;
            sum += e;
        }
        for (int o = 0; o < length; o++) {
            z[offset + o] /= sum;
        }
    }
}
