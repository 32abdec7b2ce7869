package dev.netc.benchmarks;

import ai.onnxruntime.OrtException;
import dev.netc.runtime.TrainableNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 4 of the performance targets (docs/performance.md): inference of the digits network 784-512-256-128-10 on a batch of {@value #BATCH}.
 * {@link #generated} is the generated {@code predictBatch}; {@link #handWritten} runs the plain-loops forward pass
 * over the same samples with the same parameters, and {@link #onnxRuntime} the same network and parameters in ONNX
 * Runtime Java. Scores are samples per second ({@link OperationsPerInvocation}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DigitsBatchInferenceBenchmark.BATCH)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class DigitsBatchInferenceBenchmark {

    /** Samples in one call. */
    static final int BATCH = 256;

    private TrainableNetwork net;
    private HandWrittenNetwork plain;
    private float[] parameters;
    private float[] inputs;
    private float[] outputs;

    @Setup
    public void prepare() {
        net = Workloads.digitsNet();
        plain = Workloads.handWrittenDigits(BATCH);
        Workloads.checkSameLayout(net, plain);
        parameters = net.initialParameters(Workloads.PARAMETER_SEED);
        inputs = Workloads.uniform(3_000L, BATCH * net.inputSize(), 0, 1);
        outputs = new float[BATCH * net.outputSize()];
    }

    /** The generated {@code predictBatch}. */
    @Benchmark
    public float[] generated() {
        net.predictBatch(parameters, inputs, BATCH, outputs);
        return outputs;
    }

    /** The same batch as plain loops. */
    @Benchmark
    public float[] handWritten() {
        plain.predictBatch(parameters, inputs, BATCH, outputs);
        return outputs;
    }

    /** The same batch in ONNX Runtime Java. */
    @Benchmark
    public float[] onnxRuntime(OnnxRuntime onnx) throws OrtException {
        onnx.network.predict(inputs, outputs);
        return outputs;
    }

    /** The session, opened only in the forks that run {@link #onnxRuntime}. */
    @State(Scope.Thread)
    public static class OnnxRuntime extends OnnxRuntimeSession {
        @Setup
        public void open(DigitsBatchInferenceBenchmark workload) throws OrtException {
            network = Workloads.onnxDigits(workload.parameters, BATCH, threads);
        }
    }
}
