package dev.netc.runtime;

/**
 * A small seeded generator whose sequence is fixed by this code alone, so that a seed gives the same parameters on
 * every JVM, version and platform ({@link java.util.Random}'s Gaussian and {@link java.util.SplittableRandom}'s
 * derivation are specified, but their use of {@code Math} functions is not bit-reproducible everywhere). It is
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): a Weyl sequence
 * with golden-ratio increment, each state passed through a 64-bit finaliser; Gaussians come from the Box-Muller
 * transform with {@link StrictMath}.
 *
 * <p>Not thread-safe: each initialisation uses its own instance.
 */
public final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** 2^-53: turns the top 53 bits of a long into a double in [0, 1). */
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** A generator starting from {@code seed}. */
    public SeededRandom(long seed) {
        this.state = seed;
    }

    /**
     * The generator for one layer of a network initialised from {@code seed}: each layer has its own stream, so that
     * changing one layer's shape does not change the others' parameters.
     *
     * @param layer the layer's 0-based index among the network's dense layers
     */
    public static SeededRandom forLayer(long seed, int layer) {
        return new SeededRandom(mix(seed ^ mix(GOLDEN_GAMMA * (layer + 1L))));
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [-limit, limit). */
    public double nextSymmetric(double limit) {
        return (2.0 * nextDouble() - 1.0) * limit;
    }

    /** Standard normal, by Box-Muller (one value per two uniforms; the second is not kept, to keep no state). */
    public double nextGaussian() {
        double u = 1.0 - nextDouble(); // in (0, 1], so the log is finite
        double v = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
    }

    /** SplitMix64's finaliser (David Stafford's variant 13 of MurmurHash3's). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
