package dev.netc.benchmarks;

import dev.netc.runtime.Dropout;
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
 * What dropout adds to a training step's {@code lossAndGradient}: the digits network 784-512-256-128-10 on a batch of
 * {@value #BATCH}, {@link #withoutDropout} as generated from a spec without dropout, {@link #withDropout} from the same
 * spec with dropout 0.2 on the three hidden layers (the masks of a new seed each call, as training draws them), and
 * {@link #dropoutNetworkWithoutASeed}, that class's loss without dropout (its dropped fields then copies), and {@link
 * #masksAlone}, the masks' own work. Samples per second. On a machine shared with others the methods, run one after
 * the other, can see different loads; {@link #masksAlone} is pure computation, whose share of a step is the steadier
 * figure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DropoutCostBenchmark.BATCH)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class DropoutCostBenchmark {

    static final int BATCH = 32;

    /** The hidden layers' widths, and their rate in {@code digits-dropout.yaml}. */
    private static final int[] HIDDEN_UNITS = {512, 256, 128};

    private static final double RATE = 0.2;

    private TrainableNetwork plain;
    private TrainableNetwork dropout;
    private float[] parameters;
    private float[] gradient;
    private float[] inputs;
    private float[] targets;
    private long seed;
    private float[] outputs;
    private float[] dropped;

    @Setup
    public void prepare() {
        plain = Workloads.digitsNet();
        dropout = Workloads.digitsDropoutNet();
        parameters = plain.initialParameters(Workloads.PARAMETER_SEED);
        gradient = new float[parameters.length];
        inputs = Workloads.uniform(1_000L, BATCH * plain.inputSize(), 0, 1);
        targets = Workloads.oneHot(2_000L, BATCH, plain.outputSize());
        outputs = Workloads.uniform(3_000L, BATCH * HIDDEN_UNITS[0], 0, 1);
        dropped = new float[outputs.length];
    }

    /** The network without dropout. */
    @Benchmark
    public float withoutDropout() {
        return plain.lossAndGradient(parameters, inputs, targets, BATCH, gradient);
    }

    /** The network with dropout, as a training step computes it. */
    @Benchmark
    public float withDropout() {
        return dropout.lossAndGradient(parameters, inputs, targets, BATCH, gradient, seed++);
    }

    /**
     * The masks alone: what {@link #withDropout} spends on them, forward and backward, on the three hidden layers'
     * outputs (a samples-per-second figure of this step's share, to set beside the others').
     */
    @Benchmark
    public float[] masksAlone() {
        long step = seed++;
        for (int layer = 0; layer < HIDDEN_UNITS.length; layer++) {
            int units = HIDDEN_UNITS[layer];
            Dropout.forward(true, step, layer, RATE, 0, BATCH, units, outputs, dropped);
            Dropout.backward(true, step, layer, RATE, 0, BATCH, units, dropped);
        }
        return dropped;
    }

    /** The network with dropout, asked for the loss at inference. */
    @Benchmark
    public float dropoutNetworkWithoutASeed() {
        return dropout.lossAndGradient(parameters, inputs, targets, BATCH, gradient);
    }
}
