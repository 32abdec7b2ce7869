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
    /** 2^24: the keep test compares 24 bits of a hash with the rate's share of them. */
    private static final double UNIT_STEPS = 0x1p24;
    /** The low 24 bits. */
    private static final long DRAW_MASK = 0xFFFFFFL;

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
        return draw(combine(seed, layer, sample), unit) >= threshold(rate);
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
        if (enabled) {
            multiplyByMasks(seed, layer, rate, first, rows, units, a, dropped);
        } else {
            System.arraycopy(a, 0, dropped, 0, rows * units);
        }
    }

    /**
     * Turns {@code d}, the loss gradient with respect to the dropped outputs of {@link #forward} (same arguments), into
     * the gradient with respect to the layer's outputs before dropout, in place. Nothing to do without {@code enabled}.
     */
    public static void backward(
            boolean enabled, long seed, int layer, double rate, int first, int rows, int units, float[] d) {
        if (enabled) {
            multiplyByMasks(seed, layer, rate, first, rows, units, d, d);
        }
    }

    /**
     * {@code to = from * factor}, element by element, the factor {@code 1 / (1 - rate)} for a kept output and 0 for a
     * dropped one. Without branches: a branch on a draw kept with probability {@code 1 - rate} is mispredicted often,
     * and each draw serves two units, which halves the hashing (the two made the masks 3 times cheaper on the digits
     * network, see docs/performance.md).
     */
    private static void multiplyByMasks(
            long seed, int layer, double rate, int first, int rows, int units, float[] from, float[] to) {
        long threshold = threshold(rate);
        float scale = scale(rate);
        for (int r = 0; r < rows; r++) {
            long row = combine(seed, layer, first + r);
            int at = r * units;
            int u = 0;
            for (; u + 1 < units; u += 2) {
                long bits = pairBits(row, u);
                to[at + u] = from[at + u] * factor(bits >>> 40, threshold, scale);
                to[at + u + 1] = from[at + u + 1] * factor(bits >>> 16 & DRAW_MASK, threshold, scale);
            }
            if (u < units) {
                to[at + u] = from[at + u] * factor(draw(row, u), threshold, scale);
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

    /**
     * Unit {@code unit}'s 24 random bits: units {@code 2k} and {@code 2k + 1} share the k-th value SplitMix64 draws
     * after {@code row}, the first taking its top 24 bits and the second the 24 below them.
     */
    private static long draw(long row, int unit) {
        long bits = pairBits(row, unit);
        return (unit & 1) == 0 ? bits >>> 40 : bits >>> 16 & DRAW_MASK;
    }

    /** The draw shared by {@code unit} and the other unit of its pair. */
    private static long pairBits(long row, int unit) {
        return SeededRandom.mix(row + GOLDEN_GAMMA * ((unit >>> 1) + 1L));
    }

    /** {@code scale} if {@code draw} keeps the output ({@code draw >= threshold}), else 0, without a branch. */
    private static float factor(long draw, long threshold, float scale) {
        return (1 - (draw - threshold >>> 63)) * scale;
    }

    /** How many of the 2^24 values of a draw's top 24 bits drop an output: {@code ceil(rate * 2^24)}. */
    private static long threshold(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), found " + rate);
        }
        return (long) Math.ceil(rate * UNIT_STEPS);
    }
}
