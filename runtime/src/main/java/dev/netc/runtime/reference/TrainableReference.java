package dev.netc.runtime.reference;

import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.runtime.Arguments;
import dev.netc.runtime.Initializers;
import dev.netc.runtime.SeededRandom;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.io.Architecture;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.ParameterLayout;
import dev.netc.spec.TrainingSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link ReferenceNetwork} behind the {@link TrainableNetwork} contract that generated classes implement, so that
 * the training loop can train any checked network without generating code: float arrays in and out, double precision
 * inside. It is the oracle's arithmetic, not a fast path: every call builds a reference network and its matrices.
 *
 * <p>{@link #initialParameters} draws exactly what a generated class's {@code newParameters} draws (each dense layer's
 * {@link Initializers} method with {@link SeededRandom#forLayer}, biases zero), so both start from the same point.
 * Stateless; safe to share between threads.
 */
public final class TrainableReference implements TrainableNetwork {

    private final CheckedNetwork network;
    private final int parameterCount;
    private final int targetWidth;

    /**
     * @throws IllegalArgumentException if the network has more parameters than a Java array holds
     */
    public TrainableReference(CheckedNetwork network) {
        long count = network.layout().count();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "network %s has %d parameters, more than one float[] holds",
                    network.spec().name(),
                    count));
        }
        this.network = network;
        this.parameterCount = (int) count;
        this.targetWidth = network.spec().loss() == Loss.SPARSE_CATEGORICAL_CROSSENTROPY ? 1 : network.outputSize();
    }

    /** The network this evaluates. */
    public CheckedNetwork network() {
        return network;
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
        return parameterCount;
    }

    @Override
    public void predict(float[] parameters, float[] input, float[] output) {
        Arguments.requireLength("input", input, inputSize());
        Arguments.requireLength("output", output, outputSize());
        predictBatch(parameters, input, 1, output);
    }

    @Override
    public void predictBatch(float[] parameters, float[] inputs, int count, float[] outputs) {
        Arguments.requireLength("parameters", parameters, parameterCount);
        Arguments.requireCount(count, 0);
        Arguments.requireRows("inputs", inputs, count, inputSize());
        Arguments.requireRows("outputs", outputs, count, outputSize());
        if (count == 0) {
            return;
        }
        double[][] rows = new ReferenceNetwork(network, parameters).forward(rows(inputs, count, inputSize()));
        for (int s = 0; s < count; s++) {
            for (int o = 0; o < outputSize(); o++) {
                outputs[s * outputSize() + o] = (float) rows[s][o];
            }
        }
    }

    @Override
    public float lossAndGradient(float[] parameters, float[] inputs, float[] targets, int count, float[] gradient) {
        return lossAndGradient(parameters, inputs, targets, count, gradient, OptionalLong.empty());
    }

    /**
     * {@inheritDoc} The masks are those of {@link ReferenceNetwork#loss(double[][], double[][], long)}, sample {@code
     * i} being row {@code i} of {@code inputs}.
     */
    @Override
    public float lossAndGradient(
            float[] parameters, float[] inputs, float[] targets, int count, float[] gradient, long dropoutSeed) {
        return lossAndGradient(parameters, inputs, targets, count, gradient, OptionalLong.of(dropoutSeed));
    }

    /** The loss and gradient with dropout if {@code dropoutSeed} is present, as at inference if it is empty. */
    private float lossAndGradient(
            float[] parameters,
            float[] inputs,
            float[] targets,
            int count,
            float[] gradient,
            OptionalLong dropoutSeed) {
        Arguments.requireLength("parameters", parameters, parameterCount);
        Arguments.requireCount(count, 1);
        Arguments.requireRows("inputs", inputs, count, inputSize());
        Arguments.requireRows("targets", targets, count, targetWidth);
        Arguments.requireLength("gradient", gradient, parameterCount);
        ReferenceNetwork reference = new ReferenceNetwork(network, parameters);
        double[][] batch = rows(inputs, count, inputSize());
        double[][] targetRows = rows(targets, count, targetWidth);
        double[] wide = reference.backward(batch, targetRows, dropoutSeed);
        for (int i = 0; i < parameterCount; i++) {
            gradient[i] = (float) wide[i];
        }
        return (float) reference.loss(batch, targetRows, dropoutSeed);
    }

    /** The spec's architecture, as a generated class states it. */
    @Override
    public Optional<Architecture> architecture() {
        return Optional.of(Architecture.of(network));
    }

    /** The spec's training defaults, as a generated class states them. */
    @Override
    public Optional<TrainingSpec> statedTraining() {
        return network.spec().training();
    }

    /** The spec's optimizer, as a generated class states it. */
    @Override
    public Optional<OptimizerSpec> statedOptimizer() {
        return network.spec().optimizer();
    }

    @Override
    public float[] initialParameters(long seed) {
        float[] parameters = new float[parameterCount];
        List<ParameterLayout.Entry> layers = network.layout().layers();
        for (int i = 0; i < layers.size(); i++) {
            ParameterLayout.Entry entry = layers.get(i);
            Init init = ((DenseSpec) network.layerNamed(entry.layer())).init();
            initialise(init, parameters, (int) entry.weights(), entry.inputs(), entry.units(), seed, i);
        }
        return parameters;
    }

    private static void initialise(
            Init init, float[] parameters, int offset, int fanIn, int fanOut, long seed, int layer) {
        switch (init) {
            case ZEROS -> Arrays.fill(parameters, offset, offset + fanIn * fanOut, 0f);
            case NORMAL -> Initializers.normal(parameters, offset, fanIn, fanOut, SeededRandom.forLayer(seed, layer));
            case UNIFORM -> Initializers.uniform(parameters, offset, fanIn, fanOut, SeededRandom.forLayer(seed, layer));
            case GLOROT_NORMAL -> Initializers.glorotNormal(
                    parameters, offset, fanIn, fanOut, SeededRandom.forLayer(seed, layer));
            case GLOROT_UNIFORM -> Initializers.glorotUniform(
                    parameters, offset, fanIn, fanOut, SeededRandom.forLayer(seed, layer));
            case HE_NORMAL -> Initializers.heNormal(
                    parameters, offset, fanIn, fanOut, SeededRandom.forLayer(seed, layer));
            case HE_UNIFORM -> Initializers.heUniform(
                    parameters, offset, fanIn, fanOut, SeededRandom.forLayer(seed, layer));
        }
    }

    private static double[][] rows(float[] values, int count, int width) {
        double[][] rows = new double[count][width];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < width; i++) {
                rows[s][i] = values[s * width + i];
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return "TrainableReference[" + network.spec().name() + ", " + parameterCount + " parameters]";
    }
}
