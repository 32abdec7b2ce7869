package dev.netc.benchmarks;

import ai.onnxruntime.OrtException;
import dev.netc.runtime.TrainableNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 5 of the performance targets (docs/performance.md): the latency of one digit, the digits network 784-512-256-128-10 with batch 1.
 * {@link #generated} is the generated {@code predict}; {@link #handWritten} the plain-loops forward pass with the same
 * parameters; {@link #onnxRuntime} the same network and parameters in ONNX Runtime Java. The target: at most 0.6 times
 * ONNX Runtime Java's time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class DigitsLatencyBenchmark {

    private TrainableNetwork net;
    private HandWrittenNetwork plain;
    private float[] parameters;
    private float[] input;
    private float[] output;

    @Setup
    public void prepare() {
        net = Workloads.digitsNet();
        plain = Workloads.handWrittenDigits(1);
        Workloads.checkSameLayout(net, plain);
        parameters = net.initialParameters(Workloads.PARAMETER_SEED);
        input = Workloads.uniform(4_000L, net.inputSize(), 0, 1);
        output = new float[net.outputSize()];
    }

    /** The generated {@code predict}. */
    @Benchmark
    public float[] generated() {
        net.predict(parameters, input, output);
        return output;
    }

    /** The same sample as plain loops. */
    @Benchmark
    public float[] handWritten() {
        plain.predict(parameters, input, output);
        return output;
    }

    /** The same sample in ONNX Runtime Java. */
    @Benchmark
    public float[] onnxRuntime(OnnxRuntime onnx) throws OrtException {
        onnx.network.predict(input, output);
        return output;
    }

    /** The session, opened only in the forks that run {@link #onnxRuntime}. */
    @State(Scope.Thread)
    public static class OnnxRuntime extends OnnxRuntimeSession {
        @Setup
        public void open(DigitsLatencyBenchmark workload) throws OrtException {
            network = Workloads.onnxDigits(workload.parameters, 1, threads);
        }
    }
}
