package dev.netc.benchmarks.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the table of {@code docs/performance.md} from one run's result files: per workload and implementation the
 * median time per call, samples per second, GFLOP/s, bytes allocated per call, and netc's speed divided by that
 * implementation's; then the performance targets against those ratios. Optionally draws the plot.
 *
 * <pre>
 * java -cp benchmarks.jar dev.netc.benchmarks.report.PerformanceReport --jmh netc.json
 *     [--one-thread netc-1-thread.json] [--scalar netc-scalar.json] [--peers peers-1.json] [--peers peers-2.json]
 *     [--plot docs/performance.png]
 * </pre>
 *
 * {@code --jmh} is JMH's JSON ({@code -rf json}) of the workload benchmarks; {@code --one-thread} and {@code --scalar}
 * the same benchmarks' {@code generated} methods run with {@code -Dnetc.threads=1} and without {@code --add-modules
 * jdk.incubator.vector}; {@code --peers} what {@code benchmarks/peers/peers.py} wrote. Any option may be given once
 * per round of a run; each implementation's figures are then the medians over the rounds ({@link Rounds}).
 */
public final class PerformanceReport {

    /** The implementation every ratio divides. */
    static final String NETC = "netc";

    /** netc with {@code -Dnetc.threads=1}: its kernels on one core, beside the peers' one-thread runs. */
    static final String NETC_ONE_THREAD = "netc (1 thread)";

    /** netc without {@code --add-modules jdk.incubator.vector}: the kernels' scalar fallback. */
    static final String NETC_SCALAR = "netc, no Vector API";

    private PerformanceReport() {}

    public static void main(String[] args) throws IOException {
        List<Measurement> all = new ArrayList<>();
        Path plot = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + option + " needs a file after it");
            }
            Path file = Path.of(args[++i]);
            switch (option) {
                case "--jmh" -> all.addAll(ResultFiles.readJmh(file, NETC));
                case "--one-thread" -> all.addAll(only(NETC_ONE_THREAD, ResultFiles.readJmh(file, NETC_ONE_THREAD)));
                case "--scalar" -> all.addAll(only(NETC_SCALAR, ResultFiles.readJmh(file, NETC_SCALAR)));
                case "--peers" -> all.addAll(ResultFiles.readPeers(file));
                case "--plot" -> plot = file;
                default -> throw new IllegalArgumentException(
                        "unknown option " + option + "; expected --jmh, --one-thread, --scalar, --peers or --plot");
            }
        }
        List<Measurement> results = Rounds.medians(all);
        printTable(results, System.out);
        System.out.println();
        Targets.print(results, System.out);
        if (plot != null) {
            PerformancePlot.write(results, plot);
            System.out.println();
            System.out.println("plot written to " + plot);
        }
    }

    /** The generated side of an extra netc pass, labelled {@code netcLabel}: its peers' rows repeat the main pass's. */
    private static List<Measurement> only(String netcLabel, List<Measurement> pass) {
        return pass.stream().filter(m -> m.implementation().equals(netcLabel)).toList();
    }

    /** One row per workload and implementation, in workload order and then in the order read. */
    static void printTable(List<Measurement> all, PrintStream out) {
        out.println("| workload | implementation | time per call | samples/s | GFLOP/s | bytes per call "
                + "| netc's speed / this |");
        out.println("|---|---|---:|---:|---:|---:|---:|");
        for (Workload workload : Workload.values()) {
            Optional<Measurement> netc = find(all, workload, NETC);
            for (Measurement m : all) {
                if (m.workload() != workload) {
                    continue;
                }
                out.printf(
                        Locale.ROOT,
                        "| %s | %s | %s | %,.0f | %.2f | %s | %s |%n",
                        workload.title(),
                        m.implementation(),
                        time(m.secondsPerCall()),
                        m.samplesPerSecond(),
                        m.gflops(),
                        Double.isNaN(m.bytesPerCall()) ? "" : String.format(Locale.ROOT, "%,.0f", m.bytesPerCall()),
                        netc.map(n -> String.format(Locale.ROOT, "%.2f", n.samplesPerSecond() / m.samplesPerSecond()))
                                .orElse(""));
            }
        }
    }

    /** The first result of {@code implementation} on {@code workload}. */
    static Optional<Measurement> find(List<Measurement> all, Workload workload, String implementation) {
        return all.stream()
                .filter(m -> m.workload() == workload && m.implementation().equals(implementation))
                .findFirst();
    }

    /** A duration with three significant digits in ns, us, ms or s. */
    static String time(double seconds) {
        if (seconds < 1e-6) {
            return String.format(Locale.ROOT, "%.3g ns", seconds * 1e9);
        }
        if (seconds < 1e-3) {
            return String.format(Locale.ROOT, "%.3g us", seconds * 1e6);
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.3g s", seconds);
    }
}
