package dev.netc.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.benchmarks.report.ClassFileMethods.ClassInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bytecode table covers every network generated for the benchmarks, and none of their methods is too large for
 * HotSpot to compile.
 */
class BytecodeSizesTest {

    @Test
    void tablesEveryGeneratedNetworkAndFindsNoHugeMethod() throws Exception {
        Path classes = Path.of(Class.forName("dev.netc.benchmarks.digits.DigitsNet")
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Map<String, ClassInfo> all = new TreeMap<>();
        BytecodeSizes.readClasses(classes, all);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            BytecodeSizes.print(all, out);
        }
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("| dev.netc.benchmarks.digits.DigitsNet | lossAndGradient | "), table);
        assertTrue(table.contains("| dev.netc.benchmarks.unrolled.UnrolledIris | predict | "), table);
        String summary = table.lines()
                .filter(line -> line.contains("network classes"))
                .findFirst()
                .orElseThrow();
        // the digits network with and without dropout, and the unrolled and looped forms of five single layers and
        // of Iris
        assertTrue(summary.startsWith("14 network classes; "), summary);
        assertTrue(summary.endsWith("; 0 over HotSpot's 8,000-byte limit"), summary);
        assertEquals(
                0,
                table.lines()
                        .filter(line -> line.contains("over the JIT's limit"))
                        .count());
    }
}
