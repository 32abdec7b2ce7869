package dev.netc.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JMH's and the peers' result files become samples per second per workload and implementation, whatever JMH's unit,
 * and the report divides netc's speed by each; benchmarks that are not workloads are skipped.
 */
class ResultFilesTest {

    @Test
    void readsJmhMediansAsSamplesPerSecond() throws Exception {
        List<Measurement> results = ResultFiles.readJmh(resource("jmh.json"), "netc");
        assertEquals(6, results.size(), "the UnrollBenchmark entry is not a workload");
        assertMeasurement(results.get(0), Workload.IRIS, "netc", 5e6, 0.004);
        assertMeasurement(results.get(1), Workload.IRIS, ResultFiles.HAND_WRITTEN, 2e6, Double.NaN);
        assertMeasurement(results.get(2), Workload.TRAIN_ADAM, "netc", 32_000, 0.5 * 32);
        assertMeasurement(results.get(3), Workload.INFER_1, "netc", 50_000, Double.NaN);
        assertMeasurement(results.get(4), Workload.INFER_1, "ONNX Runtime Java (1 thread)", 20_000, Double.NaN);
        assertMeasurement(results.get(5), Workload.INFER_1, "ONNX Runtime Java (2 threads)", 25_000, Double.NaN);
        assertEquals(1e-3, results.get(2).secondsPerCall(), 1e-12);
        assertEquals(32_000 * 6.0 * 566_528 / 1e9, results.get(2).gflops(), 1e-9);
    }

    @Test
    void readsPeersWithTheirThreadCount() throws Exception {
        List<Measurement> results = ResultFiles.readPeers(resource("peers-2.json"));
        assertEquals(3, results.size());
        assertMeasurement(results.get(0), Workload.IRIS, "PyTorch (2 threads)", 50_000, Double.NaN);
        assertMeasurement(results.get(2), Workload.TRAIN_ADAM, "NumPy (2 threads)", 16_000, Double.NaN);
    }

    @Test
    void reportDividesNetcsSpeedByEachAndChecksTheTargets() throws Exception {
        List<Measurement> all = new ArrayList<>(ResultFiles.readJmh(resource("jmh.json"), "netc"));
        all.addAll(ResultFiles.readPeers(resource("peers-2.json")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            PerformanceReport.printTable(all, out);
            Targets.print(all, out);
        }
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertContains(
                report,
                "| Iris 4-8-8-3, one sample per call | hand-written Java | 500 ns | 2,000,000 | 0.48 |  | 2.50 |");
        assertContains(
                report,
                "| Iris 4-8-8-3, one sample per call | PyTorch (2 threads) | 20.0 us | 50,000 | 0.01 |  | 100.00 |");
        assertContains(report, "| digits training, batch 32, Adam | netc | 1.00 ms | 32,000 | 108.77 | 16 | 1.00 |");
        assertContains(
                report, "| Iris: netc's speed / hand-written Java's (hand-written Java) | at least 2.0 | 2.50 | yes |");
        assertContains(
                report, "| Adam training: netc / best PyTorch (PyTorch (2 threads)) | at least 2.0 | 4.00 | yes |");
        assertContains(report, "| inference, batch 256: netc / best PyTorch | at least 1.0 | not measured | unknown |");
        assertContains(
                report,
                "| inference, batch 1: netc's time / best ONNX Runtime Java's (ONNX Runtime Java (2 threads), 40.0 us) "
                        + "| at most 0.6 | 0.50 | yes |");
    }

    private static void assertMeasurement(
            Measurement m, Workload workload, String implementation, double samplesPerSecond, double bytesPerCall) {
        assertEquals(workload, m.workload());
        assertEquals(implementation, m.implementation());
        assertEquals(samplesPerSecond, m.samplesPerSecond(), samplesPerSecond * 1e-12);
        assertEquals(bytesPerCall, m.bytesPerCall(), 1e-12);
    }

    private static void assertContains(String text, String line) {
        assertTrue(text.contains(line), "expected the line\n" + line + "\nin\n" + text);
    }

    private static Path resource(String name) throws URISyntaxException, IOException {
        return Path.of(ResultFilesTest.class.getResource("/report/" + name).toURI());
    }
}
