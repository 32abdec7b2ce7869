package dev.netc.benchmarks;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.optim.Sgd;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact check behind "the training step and prediction allocate nothing once warm": each generated workload runs
 * for {@value #WARM_UP_SECONDS} seconds, so that C2 has compiled it, then {@value #ROUNDS} rounds of {@value #CALLS}
 * more calls are made while the JVM counts the bytes every thread allocates (HotSpot's per-thread counter, which adds
 * the filled part of the thread's current allocation buffer, so it is exact to the byte). JMH's {@code -prof gc} gives
 * the same figure per operation but adds the harness's own allocation of each iteration, a few bytes per call when
 * calls are slow; this check has no harness. The threads counted are those alive after the warm-up (a kernel's worker
 * threads have started by then); reading the counters allocates nothing.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks.jar dev.netc.benchmarks.AllocationCheck
 * </pre>
 *
 * Exits with status 1 if any workload allocated.
 */
public final class AllocationCheck {

    private static final int WARM_UP_SECONDS = 5;
    private static final int CALLS = 200;
    private static final int ROUNDS = 3;

    private AllocationCheck() {}

    public static void main(String[] args) {
        TrainableNetwork iris = Workloads.irisNet();
        TrainableNetwork digits = Workloads.digitsNet();
        float[] irisParameters = iris.initialParameters(Workloads.PARAMETER_SEED);
        float[] irisInput = Workloads.uniform(100L, iris.inputSize(), -2, 2);
        float[] irisOutput = new float[iris.outputSize()];
        float[] parameters = digits.initialParameters(Workloads.PARAMETER_SEED);
        float[] gradient = new float[parameters.length];
        float[] batch = Workloads.uniform(1_000L, 256 * digits.inputSize(), 0, 1);
        float[] targets = Workloads.oneHot(2_000L, 32, digits.outputSize());
        float[] outputs = new float[256 * digits.outputSize()];
        float[] digit = Workloads.uniform(4_000L, digits.inputSize(), 0, 1);
        float[] digitOutput = new float[digits.outputSize()];
        Optimizer sgd = Sgd.builder().learningRate(0.01).build();
        Optimizer adam = Adam.builder().learningRate(1e-3).build();

        Map<String, Runnable> workloads = new LinkedHashMap<>();
        workloads.put("Iris predict", () -> iris.predict(irisParameters, irisInput, irisOutput));
        workloads.put("digits training step, SGD (batch 32)", () -> {
            digits.lossAndGradient(parameters, batch, targets, 32, gradient);
            sgd.step(parameters, gradient);
        });
        workloads.put("digits training step, Adam (batch 32)", () -> {
            digits.lossAndGradient(parameters, batch, targets, 32, gradient);
            adam.step(parameters, gradient);
        });
        workloads.put("digits predictBatch (256)", () -> digits.predictBatch(parameters, batch, 256, outputs));
        workloads.put("digits predict (1)", () -> digits.predict(parameters, digit, digitOutput));

        boolean clean = true;
        System.out.println("| generated workload | bytes allocated per call, once warm | by |");
        System.out.println("|---|---:|---|");
        for (Map.Entry<String, Runnable> workload : workloads.entrySet()) {
            Map<String, Long> byThread = allocatedPerThread(workload.getValue());
            long total = total(byThread);
            clean &= total == 0;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %s |%n",
                    workload.getKey(),
                    (double) total / CALLS,
                    byThread.isEmpty() ? "" : byThread.toString());
        }
        if (!clean) {
            System.out.println("\nsome generated workload allocates once warm (bytes in the least round of " + CALLS
                    + " calls, by thread)");
            System.exit(1);
        }
    }

    /**
     * Warms {@code call} up, then makes {@value #ROUNDS} rounds of {@value #CALLS} calls; returns the bytes each thread
     * allocated during the round that allocated least, by thread name, only the threads that allocated. A round can
     * see a one-off allocation of the JVM's (a deoptimisation that materialises an object C2 had kept in registers);
     * a call that allocates does so in every round.
     */
    private static Map<String, Long> allocatedPerThread(Runnable call) {
        long end = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            call.run();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] before = new long[ids.length];
        long[] after = new long[ids.length];
        Map<String, Long> least = null;
        for (int round = 0; round < ROUNDS; round++) {
            read(threads, ids, before);
            for (int i = 0; i < CALLS; i++) {
                call.run();
            }
            read(threads, ids, after);
            Map<String, Long> byThread = new TreeMap<>();
            for (int t = 0; t < ids.length; t++) {
                if (after[t] > before[t]) {
                    ThreadInfo info = threads.getThreadInfo(ids[t]);
                    String name = info == null ? "thread " + ids[t] : info.getThreadName();
                    byThread.merge(name, after[t] - before[t], Long::sum);
                }
            }
            if (least == null || total(byThread) < total(least)) {
                least = byThread;
            }
        }
        return least;
    }

    private static long total(Map<String, Long> byThread) {
        return byThread.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Reads the bytes each of the threads {@code ids} has allocated so far into {@code bytes}, allocating nothing. */
    private static void read(com.sun.management.ThreadMXBean threads, long[] ids, long[] bytes) {
        for (int t = 0; t < ids.length; t++) {
            bytes[t] = Math.max(0, threads.getThreadAllocatedBytes(ids[t]));
        }
    }
}
