package dev.netc.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * The ONNX Runtime Java peer of the inference workloads: a model of {@link OnnxModelWriter} in an {@link OrtSession}
 * with ONNX Runtime's default options (every graph optimisation) but a given number of intra-op threads, run on a
 * fixed batch the fastest way its Java API offers. Input and output tensors are created once, over direct buffers that
 * ONNX Runtime reads and writes in place, so that a call copies the samples in and the outputs out and allocates only
 * the small result object {@code run} returns.
 *
 * <p>Not thread-safe: one instance per benchmark thread.
 */
final class OnnxRuntimeNetwork implements AutoCloseable {

    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final FloatBuffer input;
    private final FloatBuffer output;
    private final OnnxTensor inputTensor;
    private final OnnxTensor outputTensor;
    private final Map<String, OnnxTensor> feeds;
    private final Map<String, OnnxTensor> pinnedOutputs;

    /**
     * A session of {@code model} for batches of {@code batch} samples of {@code inputSize} features, whose operators
     * run on {@code threads} threads, the caller's included.
     */
    OnnxRuntimeNetwork(byte[] model, int batch, int inputSize, int outputSize, int threads) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        session = environment.createSession(model, options);
        input = floats(batch * inputSize);
        output = floats(batch * outputSize);
        inputTensor = OnnxTensor.createTensor(environment, input, new long[] {batch, inputSize});
        outputTensor = OnnxTensor.createTensor(environment, output, new long[] {batch, outputSize});
        feeds = Map.of(OnnxModelWriter.INPUT, inputTensor);
        pinnedOutputs = Map.of(OnnxModelWriter.OUTPUT, outputTensor);
    }

    /** Runs the batch: {@code batch x inputSize} values of {@code samples} in, {@code batch x outputSize} out. */
    void predict(float[] samples, float[] outputs) throws OrtException {
        input.put(0, samples, 0, input.capacity());
        session.run(feeds, pinnedOutputs).close(); // closing the result leaves the pinned output tensor open
        output.get(0, outputs, 0, output.capacity());
    }

    @Override
    public void close() throws OrtException {
        outputTensor.close();
        inputTensor.close();
        session.close();
        options.close();
    }

    private static FloatBuffer floats(int count) {
        return ByteBuffer.allocateDirect(4 * count)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }
}
