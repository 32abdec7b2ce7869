package dev.netc.runtime;

/**
 * Inverted dropout, as generated classes and the reference implementation apply it in training: each output of a
 * dense layer with rate {@code p} is kept with probability {@code 1 - p} and scaled by {@code 1 / (1 - p)}, or else
 * set to zero, so that its expected value is the output at inference, where dropout is the identity (PyTorch's {@code
 * nn.Dropout}).
 *
 * <p>Whether an output is kept is a function of the step's seed, the layer, the sample's index in the call and the
 * unit ({@link #kept}), not of a generator's state. So a step's masks do not depend on how its batch is cut into
 * blocks or shared among threads, the backward pass finds them again without storing them, and a training run
 * resumed from a checkpoint draws the masks the uninterrupted run drew ({@link #stepSeed}).
 */
public final class Dropout {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** 2^24: the keep test compares the top 24 bits of a hash with the rate's share of them. */
    private static final double UNIT_STEPS = 0x1p24;

    private Dropout() {}

    /**
     * The seed of one training step's masks: a function of the run's seed, the epoch and the batch's index in it, so
     * that every step has masks of its own and a resumed run repeats them.
     */
    public static long stepSeed(long runSeed, int epoch, int batch) {
        return combine(runSeed, epoch, batch);
    }

    /**
     * Whether dropout keeps output {@code unit} of sample {@code sample} in layer {@code layer}: true with probability
     * {@code 1 - rate} (to within 2^-24), the same answer for the same arguments on every JVM.
     *
     * @param seed the step's seed
     * @param layer the layer's index among the network's dense layers
     * @param sample the sample's index in the call, from 0
     * @param rate the layer's dropout rate, in [0, 1)
     */
    public static boolean kept(long seed, int layer, int sample, int unit, double rate) {
        return keeps(combine(seed, layer, sample), unit, threshold(rate));
    }

    /** {@code 1 / (1 - rate)} in float: the factor a kept output is multiplied by. */
    public static float scale(double rate) {
        return (float) (1.0 / (1.0 - rate));
    }

    /**
     * Writes {@code a} with dropout applied into {@code dropped}: samples {@code first} to {@code first + rows - 1} of
     * the call, stored batch-major from index 0, {@code units} values each. Without {@code enabled} (a loss without
     * dropout) the values are copied unchanged.
     */
    public static void forward(
            boolean enabled,
            long seed,
            int layer,
            double rate,
            int first,
            int rows,
            int units,
            float[] a,
            float[] dropped) {
        if (!enabled) {
            System.arraycopy(a, 0, dropped, 0, rows * units);
            return;
        }
        long threshold = threshold(rate);
        float scale = scale(rate);
        for (int r = 0; r < rows; r++) {
            long row = combine(seed, layer, first + r);
            int at = r * units;
            for (int u = 0; u < units; u++) {
                dropped[at + u] = keeps(row, u, threshold) ? a[at + u] * scale : 0f;
            }
        }
    }

    /**
     * Turns {@code d}, the loss gradient with respect to the dropped outputs of {@link #forward} (same arguments), into
     * the gradient with respect to the layer's outputs before dropout, in place. Nothing to do without {@code enabled}.
     */
    public static void backward(
            boolean enabled, long seed, int layer, double rate, int first, int rows, int units, float[] d) {
        if (!enabled) {
            return;
        }
        long threshold = threshold(rate);
        float scale = scale(rate);
        for (int r = 0; r < rows; r++) {
            long row = combine(seed, layer, first + r);
            int at = r * units;
            for (int u = 0; u < units; u++) {
                d[at + u] = keeps(row, u, threshold) ? d[at + u] * scale : 0f;
            }
        }
    }

    /**
     * A hash of {@code seed} and two indices: a step's seed from the run's, the epoch and the batch; one sample's row of
     * draws in one layer from the step's seed, the layer and the sample.
     */
    private static long combine(long seed, int first, int second) {
        return SeededRandom.mix(SeededRandom.mix(seed ^ GOLDEN_GAMMA * (first + 1L)) + GOLDEN_GAMMA * (second + 1L));
    }

    /** Unit {@code unit}'s draw, the way SplitMix64 draws the unit-th value after {@code row}, against the rate. */
    private static boolean keeps(long row, int unit, long threshold) {
        return SeededRandom.mix(row + GOLDEN_GAMMA * (unit + 1L)) >>> 40 >= threshold;
    }

    /** How many of the 2^24 values of a draw's top 24 bits drop an output: {@code ceil(rate * 2^24)}. */
    private static long threshold(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), found " + rate);
        }
        return (long) Math.ceil(rate * UNIT_STEPS);
    }
}
