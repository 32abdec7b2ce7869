package dev.netc.runtime.data;

import dev.netc.runtime.SeededRandom;

/**
 * Seeded shuffling for splits and batches, reproducible on every JVM because {@link SeededRandom}'s sequence is fixed
 * by netc's own code ({@link java.util.Collections#shuffle} with {@link java.util.Random} would be too, but it shuffles
 * lists of boxed integers).
 */
final class Shuffle {

    /** An odd constant (2^64 / golden ratio) that spreads consecutive stream numbers over the seed space. */
    private static final long STREAM_STEP = 0x9e3779b97f4a7c15L;

    private Shuffle() {}

    /**
     * An independent generator for stream {@code stream} of {@code seed} (one per epoch, say), so that stream {@code
     * n} can be recreated without drawing the streams before it: resuming at epoch 7 needs only the seed and 7.
     */
    static SeededRandom stream(long seed, long stream) {
        return new SeededRandom(new SeededRandom(seed ^ (STREAM_STEP * (stream + 1))).nextLong());
    }

    /** Puts {@code values[from, to)} in a uniformly random order (Fisher-Yates), in place. */
    static void shuffle(int[] values, int from, int to, SeededRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + nextInt(random, i - from + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** Uniform in {@code [0, bound)}, without modulo bias: {@link java.util.Random#nextInt(int)}'s rejection rule. */
    static int nextInt(SeededRandom random, int bound) {
        int bits;
        int value;
        do {
            bits = (int) (random.nextLong() >>> 33);
            value = bits % bound;
        } while (bits - value + (bound - 1) < 0);
        return value;
    }
}
