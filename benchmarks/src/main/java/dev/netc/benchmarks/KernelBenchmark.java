package dev.netc.benchmarks;

import dev.netc.runtime.kernel.DenseKernels;
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
 * The three dense kernels of {@link DenseKernels} alone, on the layers of the digits network 784-512-256-128-10, at a
 * training batch (32 rows), one sample (1 row, the latency of prediction) and an inference batch (256 rows). A call
 * does {@code 2 * rows * inputs * units} floating-point operations, so GFLOP/s is that over the time per call.
 *
 * <p>The fork runs with {@code --add-modules jdk.incubator.vector}, so the vector kernels are measured; add {@code
 * -jvmArgsAppend -Dnetc.kernels=scalar} for the plain Java ones, {@code -Dnetc.threads=1} for one thread, and {@code
 * -XX:-UseSuperWord} to see what HotSpot's own vectorisation of the plain kernels brings. For example:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Kernel -f 1 -wi 3 -i 5 -p layer=784x512 -p rows=32
 * java -jar benchmarks/target/benchmarks.jar Kernel -f 1 -wi 3 -i 5 -jvmArgsAppend -Dnetc.kernels=scalar
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class KernelBenchmark {

    /** {@code inputs x units}: the dense layers of the digits network. */
    @Param({"784x512", "512x256", "256x128", "128x10"})
    public String layer;

    @Param({"32", "1", "256"})
    public int rows;

    private int inputs;
    private int units;
    private float[] parameters;
    private float[] gradient;
    private float[] x;
    private float[] z;
    private float[] dz;
    private float[] dx;

    @Setup
    public void allocate() {
        String[] shape = layer.split("x");
        inputs = Integer.parseInt(shape[0]);
        units = Integer.parseInt(shape[1]);
        SplittableRandom random = new SplittableRandom(42L);
        parameters = uniform(random, units * inputs + units, 0.05);
        gradient = new float[parameters.length];
        x = uniform(random, rows * inputs, 1);
        z = new float[rows * units];
        // small, so that gradients accumulated over a whole run stay far from overflow
        dz = uniform(random, rows * units, 1e-6);
        dx = new float[rows * inputs];
    }

    /** {@code z = x W^T + b}. */
    @Benchmark
    public float[] forward() {
        DenseKernels.forward(parameters, 0, units * inputs, inputs, units, x, 0, rows, z);
        return z;
    }

    /** {@code g += dz^T x}, and the bias gradient. */
    @Benchmark
    public float[] accumulateGradient() {
        DenseKernels.gradient(dz, x, 0, rows, inputs, units, gradient, 0, units * inputs, true);
        return gradient;
    }

    /** {@code dx = dz W}. */
    @Benchmark
    public float[] inputGradient() {
        DenseKernels.inputGradient(parameters, 0, inputs, units, dz, rows, dx);
        return dx;
    }

    private static float[] uniform(SplittableRandom random, int length, double scale) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return values;
    }
}
