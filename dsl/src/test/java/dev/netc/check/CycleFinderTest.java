package dev.netc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CycleFinderTest {

    @Test
    void findsNothingInAnAcyclicGraph() {
        Map<String, List<String>> reads = new LinkedHashMap<>();
        reads.put("a", List.of());
        reads.put("b", List.of("a"));
        reads.put("c", List.of("a", "b"));
        assertEquals(List.of(), new CycleFinder(reads).cycles());
    }

    @Test
    void reportsTheShortestCycleThroughTheFirstLayerOfATangle() {
        // b reads a, c and d; c and d read b: one tangle {b, c, d}, whose shortest cycle from b is b, c, b.
        Map<String, List<String>> reads = new LinkedHashMap<>();
        reads.put("a", List.of());
        reads.put("b", List.of("a", "c", "d"));
        reads.put("c", List.of("b"));
        reads.put("d", List.of("b"));
        assertEquals(List.of(List.of("b", "c", "b")), new CycleFinder(reads).cycles());
    }

    @Test
    void findsLongCyclesWithoutDeepRecursion() {
        // A ring of 100,000 layers: a recursive walk would need that many stack frames.
        int n = 100_000;
        Map<String, List<String>> reads = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            reads.put("l" + i, List.of("l" + ((i + 1) % n)));
        }
        List<List<String>> cycles = new CycleFinder(reads).cycles();
        assertEquals(1, cycles.size());
        assertEquals(n + 1, cycles.get(0).size());
        assertEquals("l1", cycles.get(0).get(1));
    }
}
