package dev.netc.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of several rounds of one run ({@code benchmarks/peers/run --rounds N}) as one result per workload and
 * implementation: the median, over the rounds, of each round's median speed and allocation. With one round each
 * result is its own median, so a run of one round reports as before.
 */
final class Rounds {

    private Rounds() {}

    /** One measurement per workload and implementation, in the order each pair first appears in {@code all}. */
    static List<Measurement> medians(List<Measurement> all) {
        Map<List<Object>, List<Measurement>> rounds = new LinkedHashMap<>();
        for (Measurement m : all) {
            rounds.computeIfAbsent(List.of(m.workload(), m.implementation()), key -> new ArrayList<>())
                    .add(m);
        }
        List<Measurement> medians = new ArrayList<>();
        for (List<Measurement> ofOne : rounds.values()) {
            Measurement first = ofOne.get(0);
            medians.add(new Measurement(
                    first.workload(),
                    first.implementation(),
                    median(ofOne.stream()
                            .mapToDouble(Measurement::samplesPerSecond)
                            .toArray()),
                    median(ofOne.stream()
                            .mapToDouble(Measurement::bytesPerCall)
                            .filter(bytes -> !Double.isNaN(bytes))
                            .toArray())));
        }
        return medians;
    }

    /** The middle value, or the mean of the two middle ones; NaN for no values. */
    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
