package dev.netc.benchmarks;

import dev.netc.Optimizer.Kind;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.spec.OptimizerSpec;
import java.util.Locale;
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
 * One {@link Optimizer#step} over the digits network's 567,434 parameters, per update rule: the share of a training
 * step that is not the network's. Each rule streams the parameters, the gradient and its buffers once, so the floor
 * is the memory traffic (SGD reads two arrays and writes one; Adam reads four and writes three). Gradients are small
 * random values, so no step overflows however many are taken. Each rule runs with its defaults (docs/optimizers.md):
 * momentum and Nesterov with momentum 0.9, AdamW with weight decay 0.01.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class OptimizerStepBenchmark {

    /** Parameters of the digits network 784-512-256-128-10. */
    private static final int PARAMETERS = 567_434;

    /** The rule, as the spec's {@code optimizer} kind names it. */
    @Param({"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"})
    public String kind;

    private Optimizer optimizer;
    private float[] parameters;
    private float[] gradients;

    @Setup
    public void prepare() {
        optimizer = Optimizer.of(OptimizerSpec.defaults(Kind.valueOf(kind.toUpperCase(Locale.ROOT))));
        parameters = Workloads.uniform(5_000L, PARAMETERS, -0.1, 0.1);
        gradients = Workloads.uniform(6_000L, PARAMETERS, -1e-3, 1e-3);
    }

    @Benchmark
    public float[] step() {
        optimizer.step(parameters, gradients);
        return parameters;
    }
}
