package dev.netc.benchmarks;

import dev.netc.runtime.TrainableNetwork;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Straight-line against looped code for small dense layers: the measurement behind the code generator's unroll limit
 * ({@code EmitOptions.DEFAULT_UNROLL_LIMIT}). Each network is generated twice from one spec (see {@code pom.xml}):
 * with the default limit, where every layer here is unrolled, and with limit 0, where every layer is a loop. The
 * networks are one dense layer {@code in x out} (relu, the weights plus units that the limit counts are {@code
 * out * (in + 1)}) and the Iris network 4-8-8-3 of the second write-up.
 *
 * <p>Each fork runs one network, so the call through {@link TrainableNetwork} stays monomorphic.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class UnrollBenchmark {

    /** Samples in one training step. */
    private static final int BATCH = 32;

    @Param({"Dense4x4", "Dense4x8", "Dense8x8", "Dense8x16", "Dense16x15", "Iris"})
    public String network;

    @Param({"Unrolled", "Looped"})
    public String code;

    private TrainableNetwork net;
    private float[] parameters;
    private float[] input;
    private float[] output;
    private float[] inputs;
    private float[] targets;
    private float[] gradient;

    @Setup
    public void generate() throws ReflectiveOperationException {
        String className = "dev.netc.benchmarks." + code.toLowerCase(java.util.Locale.ROOT) + "." + code + network;
        net = (TrainableNetwork) Class.forName(className).getConstructor().newInstance();
        parameters = net.initialParameters(42L);
        SplittableRandom random = new SplittableRandom(7L);
        input = uniform(random, net.inputSize());
        output = new float[net.outputSize()];
        inputs = uniform(random, BATCH * net.inputSize());
        targets = new float[BATCH * net.outputSize()];
        for (int s = 0; s < BATCH; s++) {
            // a one-hot row is a valid target for both losses used here
            targets[s * net.outputSize() + random.nextInt(net.outputSize())] = 1f;
        }
        gradient = new float[net.parameterCount()];
    }

    /** One sample's forward pass. */
    @Benchmark
    public float[] predict() {
        net.predict(parameters, input, output);
        return output;
    }

    /** The loss and gradient of a batch of {@value #BATCH}. */
    @Benchmark
    public float lossAndGradient() {
        return net.lossAndGradient(parameters, inputs, targets, BATCH, gradient);
    }

    private static float[] uniform(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
