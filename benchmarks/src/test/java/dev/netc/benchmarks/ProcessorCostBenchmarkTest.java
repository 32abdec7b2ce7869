package dev.netc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The module {@link ProcessorCostBenchmark} compiles is valid: both of its javac runs generate all ten classes. */
class ProcessorCostBenchmarkTest {

    @Test
    void compilesTheTenSpecs() throws Exception {
        ProcessorCostBenchmark benchmark = new ProcessorCostBenchmark();
        benchmark.writeModule();
        try {
            benchmark.freshOutput();
            assertEquals(10, benchmark.compileModule());
            benchmark.freshOutput();
            assertEquals(10, benchmark.processOnly());
        } finally {
            benchmark.deleteModule();
        }
    }
}
