package dev.netc.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rounds of one run report one figure per workload and implementation, the median over the rounds, whatever order the
 * rounds' files were read in; a single round reports its own figures.
 */
class RoundsTest {

    @Test
    void eachImplementationGetsItsMedianOverTheRounds() {
        List<Measurement> medians = Rounds.medians(List.of(
                new Measurement(Workload.TRAIN_SGD, "netc", 30_000, 4),
                new Measurement(Workload.TRAIN_SGD, "NumPy (2 threads)", 12_000, Double.NaN),
                new Measurement(Workload.TRAIN_SGD, "netc", 24_000, 6),
                new Measurement(Workload.TRAIN_SGD, "NumPy (2 threads)", 25_000, Double.NaN),
                new Measurement(Workload.INFER_1, "netc", 35_000, 0),
                new Measurement(Workload.TRAIN_SGD, "netc", 28_000, 5),
                new Measurement(Workload.TRAIN_SGD, "NumPy (2 threads)", 24_000, Double.NaN)));
        assertEquals(
                List.of(
                        new Measurement(Workload.TRAIN_SGD, "netc", 28_000, 5),
                        new Measurement(Workload.TRAIN_SGD, "NumPy (2 threads)", 24_000, Double.NaN),
                        new Measurement(Workload.INFER_1, "netc", 35_000, 0)),
                medians);
    }

    @Test
    void twoRoundsGiveTheMeanOfTheirFigures() {
        List<Measurement> medians = Rounds.medians(List.of(
                new Measurement(Workload.IRIS, "netc", 6e6, 0), new Measurement(Workload.IRIS, "netc", 5e6, 2)));
        assertEquals(List.of(new Measurement(Workload.IRIS, "netc", 5.5e6, 1)), medians);
    }

    @Test
    void oneRoundIsReportedAsRead() {
        List<Measurement> one = List.of(
                new Measurement(Workload.IRIS, "netc", 6e6, 0),
                new Measurement(Workload.IRIS, "hand-written Java", 1.5e6, Double.NaN));
        assertEquals(one, Rounds.medians(one));
    }
}
