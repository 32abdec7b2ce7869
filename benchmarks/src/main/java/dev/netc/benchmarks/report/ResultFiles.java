package dev.netc.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads the two result files {@link PerformanceReport} compares: JMH's ({@code -rf json}) and the peers script's
 * ({@code peers.py --out}). Results of benchmarks that are not one of the {@link Workload}s are skipped.
 */
final class ResultFiles {

    /** JMH's label of the allocation per operation that {@code -prof gc} adds (after a leading middle dot). */
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    /** The label of method {@code handWritten}, the plain-loops peer; method {@code generated} is netc. */
    static final String HAND_WRITTEN = "hand-written Java";

    /** The label of method {@code onnxRuntime}, before its thread count. */
    static final String ONNX_RUNTIME = "ONNX Runtime Java";

    private ResultFiles() {}

    /**
     * The workload results of a JMH JSON file: method {@code generated} labelled {@code netcLabel}, {@code handWritten}
     * labelled {@value #HAND_WRITTEN}, and {@code onnxRuntime} labelled {@value #ONNX_RUNTIME} with its parameter
     * {@code threads} as the peers' labels carry theirs, e.g. {@code ONNX Runtime Java (2 threads)}.
     */
    static List<Measurement> readJmh(Path file, String netcLabel) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Measurement> results = new ArrayList<>();
        for (JsonNode run : root) {
            String benchmark = run.path("benchmark").asText();
            String[] parts = benchmark.split("\\.");
            if (parts.length < 2) {
                continue;
            }
            String method = parts[parts.length - 1];
            Map<String, String> params = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                params.put(param.getKey(), param.getValue().asText());
            }
            Optional<Workload> workload = Workload.of(parts[parts.length - 2], params);
            Optional<String> label = label(method, params, netcLabel);
            if (workload.isEmpty() || label.isEmpty()) {
                continue;
            }
            JsonNode primary = run.path("primaryMetric");
            double median = primary.path("scorePercentiles").path("50.0").asDouble(Double.NaN);
            double samplesPerSecond =
                    samplesPerSecond(median, primary.path("scoreUnit").asText(), file);
            double bytesPerSample = allocation(run.path("secondaryMetrics"));
            results.add(new Measurement(
                    workload.get(),
                    label.get(),
                    samplesPerSecond,
                    bytesPerSample * workload.get().samplesPerCall()));
        }
        return results;
    }

    /** The implementation a workload benchmark's method measures, or empty for a method that is none. */
    private static Optional<String> label(String method, Map<String, String> params, String netcLabel) {
        return switch (method) {
            case "generated" -> Optional.of(netcLabel);
            case "handWritten" -> Optional.of(HAND_WRITTEN);
            case "onnxRuntime" -> Optional.of(ONNX_RUNTIME + threads(Integer.parseInt(params.get("threads"))));
            default -> Optional.empty();
        };
    }

    /** How the labels of peers name their thread count: {@code " (1 thread)"}, {@code " (2 threads)"}. */
    static String threads(int threads) {
        return threads == 1 ? " (1 thread)" : " (" + threads + " threads)";
    }

    /**
     * The results {@code peers.py} wrote: each implementation labelled with its name and thread count, e.g. {@code
     * PyTorch (2 threads)}.
     */
    static List<Measurement> readPeers(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        String suffix = threads(root.path("threads").asInt());
        List<Measurement> results = new ArrayList<>();
        for (JsonNode result : root.path("results")) {
            String id = result.path("workload").asText();
            Workload workload =
                    Workload.byId(id).orElseThrow(() -> new IOException(file + ": unknown workload '" + id + "'"));
            results.add(new Measurement(
                    workload,
                    result.path("peer").asText() + suffix,
                    result.path("samples_per_second").asDouble(),
                    Double.NaN));
        }
        return results;
    }

    /** A JMH score in {@code unit} ({@code ops/s} or a time per operation) as operations, here samples, per second. */
    private static double samplesPerSecond(double score, String unit, Path file) throws IOException {
        if (unit.endsWith("/op")) {
            return 1 / (score * secondsIn(unit.substring(0, unit.length() - 3), file));
        }
        if (unit.startsWith("ops/")) {
            return score / secondsIn(unit.substring(4), file);
        }
        throw new IOException(file + ": expected a score per operation or operations per time, found unit " + unit);
    }

    private static double secondsIn(String unit, Path file) throws IOException {
        TimeUnit timeUnit =
                switch (unit) {
                    case "ns" -> TimeUnit.NANOSECONDS;
                    case "us" -> TimeUnit.MICROSECONDS;
                    case "ms" -> TimeUnit.MILLISECONDS;
                    case "s" -> TimeUnit.SECONDS;
                    case "min" -> TimeUnit.MINUTES;
                    default -> throw new IOException(file + ": unknown time unit '" + unit + "'");
                };
        return timeUnit.toNanos(1) / 1e9;
    }

    /** Bytes per operation from {@code -prof gc}, NaN when the run did not use it. */
    private static double allocation(JsonNode secondary) {
        for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            if (metric.getKey().toLowerCase(Locale.ROOT).endsWith(ALLOCATION)) {
                return metric.getValue().path("score").asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }
}
