package dev.netc.runtime.train;

import java.util.Locale;

/** Elapsed and remaining times for progress reports, rounded as a person reads them. */
final class Durations {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Durations() {}

    /** {@code 0.12 s}, {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 14 min}. */
    static String format(long nanos) {
        if (nanos < 10 * NANOS_PER_SECOND) {
            return String.format(Locale.ROOT, "%.2f s", nanos / (double) NANOS_PER_SECOND);
        }
        long seconds = Math.round(nanos / (double) NANOS_PER_SECOND);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    /**
     * The time the remaining epochs should take at the mean pace so far: {@code about 3 min 5 s left}, or empty after
     * the last epoch.
     *
     * @param elapsed nanoseconds since training started
     * @param done epochs completed, at least 1
     */
    static String left(long elapsed, int done, int epochs) {
        if (done >= epochs) {
            return "";
        }
        long remaining = (long) ((double) elapsed / done * (epochs - done));
        return "about " + format(remaining) + " left";
    }
}
