package dev.netc.benchmarks.report;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The performance targets of docs/performance.md checked against one run's results: each as netc's speed divided by a peer's (or,
 * for the latency target, netc's time divided by the peer's), with what was required and whether it was met. A target whose peer was not run
 * says so instead of passing. "Best" is over every thread count a peer ran with: on two cores a peer may do best with
 * one thread. The one-core target uses netc's one-thread pass when the run has one. The allocation
 * target is checked exactly by {@code AllocationCheck}, not here: JMH's bytes per call include the harness's own
 * allocation of each iteration.
 */
final class Targets {

    private Targets() {}

    static void print(List<Measurement> all, PrintStream out) {
        out.println("| target | required | measured | met |");
        out.println("|---|---:|---:|---|");
        String netc = PerformanceReport.NETC;
        ratio(out, all, Workload.IRIS, netc, "Iris: netc's speed / hand-written Java's", 2, hand());
        ratio(
                out,
                all,
                Workload.TRAIN_SGD,
                netc,
                "SGD training: netc / best of NumPy and PyTorch",
                1,
                any("NumPy").or(any("PyTorch")));
        String single = PerformanceReport.find(all, Workload.TRAIN_SGD, PerformanceReport.NETC_ONE_THREAD)
                        .isPresent()
                ? PerformanceReport.NETC_ONE_THREAD
                : netc;
        ratio(
                out,
                all,
                Workload.TRAIN_SGD,
                single,
                "SGD training: " + single + " / PyTorch, 1 thread",
                1,
                oneThread("PyTorch"));
        ratio(out, all, Workload.TRAIN_ADAM, netc, "Adam training: netc / best PyTorch", 2, any("PyTorch"));
        ratio(out, all, Workload.INFER_256, netc, "inference, batch 256: netc / best PyTorch", 1, any("PyTorch"));
        Optional<Measurement> latency = PerformanceReport.find(all, Workload.INFER_1, netc);
        Optional<Measurement> onnx = fastest(all, Workload.INFER_1, any(ResultFiles.ONNX_RUNTIME));
        Optional<Double> timeRatio = latency.flatMap(n -> onnx.map(o -> o.samplesPerSecond() / n.samplesPerSecond()));
        row(
                out,
                "inference, batch 1: netc's time / best ONNX Runtime Java's"
                        + onnx.map(o -> " (" + o.implementation() + ", " + PerformanceReport.time(o.secondsPerCall())
                                        + ")")
                                .orElse(""),
                "at most 0.6",
                timeRatio.map(r -> String.format(Locale.ROOT, "%.2f", r)),
                timeRatio.map(r -> r <= 0.6));
    }

    private static void ratio(
            PrintStream out,
            List<Measurement> all,
            Workload workload,
            String netcLabel,
            String what,
            double required,
            Predicate<String> peers) {
        Optional<Measurement> netc = PerformanceReport.find(all, workload, netcLabel);
        Optional<Measurement> best = fastest(all, workload, peers);
        Optional<Double> ratio = netc.flatMap(n -> best.map(b -> n.samplesPerSecond() / b.samplesPerSecond()));
        row(
                out,
                what + best.map(b -> " (" + b.implementation() + ")").orElse(""),
                String.format(Locale.ROOT, "at least %.1f", required),
                ratio.map(r -> String.format(Locale.ROOT, "%.2f", r)),
                ratio.map(r -> r >= required));
    }

    /** The fastest of the {@code peers} on {@code workload}, over every thread count they ran with. */
    private static Optional<Measurement> fastest(List<Measurement> all, Workload workload, Predicate<String> peers) {
        return all.stream()
                .filter(m -> m.workload() == workload && peers.test(m.implementation()))
                .max(Comparator.comparingDouble(Measurement::samplesPerSecond));
    }

    private static void row(
            PrintStream out, String what, String required, Optional<String> measured, Optional<Boolean> met) {
        out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %s |%n",
                what,
                required,
                measured.orElse("not measured"),
                met.map(m -> m ? "yes" : "NO").orElse("unknown"));
    }

    private static Predicate<String> hand() {
        return ResultFiles.HAND_WRITTEN::equals;
    }

    private static Predicate<String> any(String peer) {
        return name -> name.startsWith(peer + " (");
    }

    private static Predicate<String> oneThread(String peer) {
        return name -> name.equals(peer + " (1 thread)");
    }
}
