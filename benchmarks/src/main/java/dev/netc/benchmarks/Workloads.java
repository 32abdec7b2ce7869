package dev.netc.benchmarks;

import ai.onnxruntime.OrtException;
import dev.netc.benchmarks.HandWrittenNetwork.Hidden;
import dev.netc.runtime.TrainableNetwork;
import java.util.SplittableRandom;

/**
 * The networks and data the four workload benchmarks share, each network in several forms with the same parameters:
 * the class netc generated (through the public {@link TrainableNetwork} API, as an application calls it), its {@link
 * HandWrittenNetwork} peer and, for inference, its {@link OnnxRuntimeNetwork} peer. Data are synthetic, drawn from fixed seeds: the time of a dense layer does not depend on
 * the values, and no file has to be found. {@code benchmarks/peers/peers.py} builds the same shapes.
 */
final class Workloads {

    /** Seed of the generated networks' initial parameters, shared by the hand-written peers. */
    static final long PARAMETER_SEED = 42L;

    /** The digits network of the third write-up: 784-512(relu)-256(relu)-128(relu)-10(softmax). */
    static final int[] DIGITS_UNITS = {512, 256, 128, 10};

    static final int DIGITS_INPUTS = 784;

    /** The Iris network of the second write-up: 4-8(tanh)-8(relu)-3(softmax). */
    static final int[] IRIS_UNITS = {8, 8, 3};

    static final int IRIS_INPUTS = 4;

    private Workloads() {}

    /** The generated digits network ({@code src/main/netc/digits}, default options). */
    static TrainableNetwork digitsNet() {
        return load("dev.netc.benchmarks.digits.DigitsNet");
    }

    /** The digits network with dropout 0.2 on its hidden layers ({@code src/main/netc/digits/digits-dropout.yaml}). */
    static TrainableNetwork digitsDropoutNet() {
        return load("dev.netc.benchmarks.digits.DigitsDropoutNet");
    }

    /** The generated Iris network ({@code src/main/netc/unrolled/iris.yaml}, default options: every layer unrolled). */
    static TrainableNetwork irisNet() {
        return load("dev.netc.benchmarks.unrolled.UnrolledIris");
    }

    /** The hand-written digits network, with scratch for {@code maxBatch} samples. */
    static HandWrittenNetwork handWrittenDigits(int maxBatch) {
        return new HandWrittenNetwork(
                DIGITS_INPUTS, DIGITS_UNITS, new Hidden[] {Hidden.RELU, Hidden.RELU, Hidden.RELU}, maxBatch);
    }

    /** The hand-written Iris network, one sample at a time. */
    static HandWrittenNetwork handWrittenIris() {
        return new HandWrittenNetwork(IRIS_INPUTS, IRIS_UNITS, new Hidden[] {Hidden.TANH, Hidden.RELU}, 1);
    }

    /**
     * The digits network as an ONNX Runtime session for batches of {@code batch}, with {@code parameters}, on {@code
     * threads} threads.
     */
    static OnnxRuntimeNetwork onnxDigits(float[] parameters, int batch, int threads) throws OrtException {
        byte[] model = OnnxModelWriter.denseNetwork(
                DIGITS_INPUTS, DIGITS_UNITS, new Hidden[] {Hidden.RELU, Hidden.RELU, Hidden.RELU}, parameters);
        return new OnnxRuntimeNetwork(model, batch, DIGITS_INPUTS, DIGITS_UNITS[DIGITS_UNITS.length - 1], threads);
    }

    /** The Iris network as an ONNX Runtime session for one sample at a time, with {@code parameters}, on {@code threads}. */
    static OnnxRuntimeNetwork onnxIris(float[] parameters, int threads) throws OrtException {
        byte[] model = OnnxModelWriter.denseNetwork(
                IRIS_INPUTS, IRIS_UNITS, new Hidden[] {Hidden.TANH, Hidden.RELU}, parameters);
        return new OnnxRuntimeNetwork(model, 1, IRIS_INPUTS, IRIS_UNITS[IRIS_UNITS.length - 1], threads);
    }

    /** {@code length} values drawn uniformly from {@code [low, high)}. */
    static float[] uniform(long seed, int length, double low, double high) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        return values;
    }

    /** {@code samples} one-hot rows of {@code classes} values, classes drawn uniformly. */
    static float[] oneHot(long seed, int samples, int classes) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] rows = new float[samples * classes];
        for (int s = 0; s < samples; s++) {
            rows[s * classes + random.nextInt(classes)] = 1f;
        }
        return rows;
    }

    /** Checks that the hand-written peer reads the same parameter layout as the generated class. */
    static void checkSameLayout(TrainableNetwork generated, HandWrittenNetwork handWritten) {
        if (generated.parameterCount() != handWritten.parameterCount()) {
            throw new IllegalStateException(generated.getClass().getSimpleName() + " has " + generated.parameterCount()
                    + " parameters, its hand-written peer " + handWritten.parameterCount());
        }
    }

    private static TrainableNetwork load(String className) {
        try {
            return (TrainableNetwork) Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated network " + className + " is not in the benchmark jar", e);
        }
    }
}
