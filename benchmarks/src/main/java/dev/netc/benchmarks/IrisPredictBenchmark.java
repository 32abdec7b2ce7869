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
 * Workload 1 of the performance targets (docs/performance.md): the Iris network 4-8(tanh)-8(relu)-3(softmax), one sample per call. {@link #generated} is
 * the class netc generates with its default options (every layer unrolled); {@link #handWritten} is the same network
 * as plain Java loops calling {@link Math#tanh} and {@link Math#exp}; {@link #onnxRuntime} is the network in ONNX
 * Runtime Java. Both read the same parameters and cycle through
 * the same {@value #SAMPLES} inputs (standardised features, so activations see realistic values). The target: the
 * generated call in at most half the hand-written one's time, allocating nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class IrisPredictBenchmark {

    /** Distinct inputs cycled through, a power of two. */
    private static final int SAMPLES = 64;

    private TrainableNetwork net;
    private HandWrittenNetwork plain;
    private float[] parameters;
    private float[][] inputs;
    private float[] output;
    private int next;

    @Setup
    public void prepare() {
        net = Workloads.irisNet();
        plain = Workloads.handWrittenIris();
        Workloads.checkSameLayout(net, plain);
        parameters = net.initialParameters(Workloads.PARAMETER_SEED);
        inputs = new float[SAMPLES][];
        for (int s = 0; s < SAMPLES; s++) {
            inputs[s] = Workloads.uniform(100L + s, Workloads.IRIS_INPUTS, -2, 2);
        }
        output = new float[net.outputSize()];
    }

    /** The generated {@code predict}. */
    @Benchmark
    public float[] generated() {
        net.predict(parameters, inputs[next++ & (SAMPLES - 1)], output);
        return output;
    }

    /** The same prediction as plain loops. */
    @Benchmark
    public float[] handWritten() {
        plain.predict(parameters, inputs[next++ & (SAMPLES - 1)], output);
        return output;
    }

    /** The same prediction in ONNX Runtime Java. */
    @Benchmark
    public float[] onnxRuntime(OnnxRuntime onnx) throws OrtException {
        onnx.network.predict(inputs[next++ & (SAMPLES - 1)], output);
        return output;
    }

    /** The session, opened only in the forks that run {@link #onnxRuntime}. */
    @State(Scope.Thread)
    public static class OnnxRuntime extends OnnxRuntimeSession {
        @Setup
        public void open(IrisPredictBenchmark workload) throws OrtException {
            network = Workloads.onnxIris(workload.parameters, threads);
        }
    }
}
