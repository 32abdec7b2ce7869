package dev.netc.benchmarks;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.optim.Sgd;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workloads 2 and 3 of the performance targets (docs/performance.md): one training step of the digits network 784-512-256-128-10 on a batch of
 * {@value #BATCH}, with SGD (learning rate 0.01) or Adam (PyTorch's defaults, learning rate 0.001). {@link #generated}
 * is the generated {@code lossAndGradient} followed by the runtime's {@link Optimizer#step}; {@link #handWritten} is
 * the same step as plain Java loops ({@link HandWrittenNetwork}, {@link HandWrittenUpdate}).
 *
 * <p>Scores are samples per second ({@link OperationsPerInvocation}: one invocation trains {@value #BATCH} samples).
 * The steps rotate over {@value #BATCHES} batches of random pixels and one-hot labels, and every iteration starts
 * from the initial parameters, so that no iteration trains far enough to saturate the softmax.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DigitsTrainingBenchmark.BATCH)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class DigitsTrainingBenchmark {

    /** Samples in one step. */
    static final int BATCH = 32;

    /** Distinct batches cycled through, a power of two. */
    private static final int BATCHES = 16;

    /** {@code sgd} or {@code adam}. */
    @Param({"sgd", "adam"})
    public String optimizer;

    private TrainableNetwork net;
    private HandWrittenNetwork plain;
    private float[] initial;
    private float[] parameters;
    private float[] gradient;
    private float[][] inputs;
    private float[][] targets;
    private Optimizer update;
    private HandWrittenUpdate plainUpdate;
    private int next;

    @Setup
    public void prepare() {
        net = Workloads.digitsNet();
        plain = Workloads.handWrittenDigits(BATCH);
        Workloads.checkSameLayout(net, plain);
        initial = net.initialParameters(Workloads.PARAMETER_SEED);
        parameters = initial.clone();
        gradient = new float[initial.length];
        inputs = new float[BATCHES][];
        targets = new float[BATCHES][];
        for (int b = 0; b < BATCHES; b++) {
            inputs[b] = Workloads.uniform(1_000L + b, BATCH * net.inputSize(), 0, 1);
            targets[b] = Workloads.oneHot(2_000L + b, BATCH, net.outputSize());
        }
        double rate = "adam".equals(optimizer) ? 1e-3 : 0.01;
        update = "adam".equals(optimizer)
                ? Adam.builder().learningRate(rate).build()
                : Sgd.builder().learningRate(rate).build();
        plainUpdate = HandWrittenUpdate.named(optimizer, rate, initial.length);
    }

    /**
     * Each iteration trains from the initial parameters. The optimizers live for the whole fork, so that the buffers
     * Adam allocates on its first step do not count as allocation of a measured iteration.
     */
    @Setup(Level.Iteration)
    public void restart() {
        System.arraycopy(initial, 0, parameters, 0, initial.length);
    }

    /** The generated step and the runtime's optimizer. */
    @Benchmark
    public float generated() {
        int b = next++ & (BATCHES - 1);
        float loss = net.lossAndGradient(parameters, inputs[b], targets[b], BATCH, gradient);
        update.step(parameters, gradient);
        return loss;
    }

    /** The same step as plain loops. */
    @Benchmark
    public float handWritten() {
        int b = next++ & (BATCHES - 1);
        float loss = plain.lossAndGradient(parameters, inputs[b], targets[b], BATCH, gradient);
        plainUpdate.step(parameters, gradient);
        return loss;
    }
}
