package dev.netc.processor.emit;

import java.util.Locale;
import java.util.Objects;

/**
 * How to emit a network class.
 *
 * @param unrollLimit dense layers whose weights plus units are at most this are written as straight-line code,
 *     larger ones as loops with constant bounds; from 0 (every layer looped) to {@link #MAX_UNROLL_LIMIT}
 * @param source where the network came from, as the header names it: a YAML path relative to its module, or {@code
 *     interface com.example.Xor}
 * @param generatedAnnotation whether to add {@code @javax.annotation.processing.Generated}; the processor passes true
 *     only when that annotation exists on the compilation's platform
 */
public record EmitOptions(int unrollLimit, String source, boolean generatedAnnotation) {

    /**
     * Default unroll limit, in weights plus units per dense layer: the largest the bytecode budget allows ({@link
     * #MAX_UNROLL_LIMIT}), because unrolling still pays at that size. {@code UnrollBenchmark} (module {@code
     * benchmarks}; results in {@code docs/performance.md}) found the looped form of every layer from 20 to 255 weights
     * plus units 3 to 14% slower for a 32-sample {@code lossAndGradient} and 13 to 23% slower for {@code predict} (one
     * tie, 4x4 predict), with no size at which the gain fades. Generated classes print the limit, and each layer's
     * choice, in their header comment.
     */
    public static final int DEFAULT_UNROLL_LIMIT = 256;

    /**
     * The largest unroll limit allowed: unrolled code costs about 25 bytes of bytecode per weight (backward) and 30
     * per unit (forward), and HotSpot does not compile methods over 8,000 bytes. {@code NetworkClassFileTest} checks
     * the bound on layers at this limit.
     */
    public static final int MAX_UNROLL_LIMIT = 256;

    /**
     * Samples a generated class computes together, its constant {@code BLOCK_ROWS}: {@code predictBatch} and {@code
     * lossAndGradient} walk their samples in blocks of this many rows (the last block holds what is left), and each
     * looped layer multiplies a whole block at once through {@code dev.netc.runtime.kernel.DenseKernels}, which reuses
     * every weight it loads across the rows of the block. The per-thread workspace holds one block per layer.
     *
     * <p>Measured on the digits network (784-512-256-128-10) on a 2-core Zen 3, one kernel thread, CPU time per sample:
     * {@code predictBatch} of 256 samples took the same time with blocks of 32, 64 and 128 rows (within 3%, under the
     * noise of a shared machine), and a training batch of 32 is one block with any of them. 64 is the kernels' row
     * tile, and keeps the digits workspace at 466 KB per thread, inside a core's 1 MB L2 cache; 128 would double it
     * for no gain.
     */
    public static final int BLOCK_ROWS = 64;

    public EmitOptions {
        if (unrollLimit < 0 || unrollLimit > MAX_UNROLL_LIMIT) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "unroll limit: expected 0 to %d (weights plus units), found %d",
                    MAX_UNROLL_LIMIT,
                    unrollLimit));
        }
        Objects.requireNonNull(source, "source");
    }

    /** The defaults for a network from {@code source}: unroll limit {@link #DEFAULT_UNROLL_LIMIT}, no annotation. */
    public static EmitOptions of(String source) {
        return new EmitOptions(DEFAULT_UNROLL_LIMIT, source, false);
    }

    /** The same options with another unroll limit. */
    public EmitOptions withUnrollLimit(int newLimit) {
        return new EmitOptions(newLimit, source, generatedAnnotation);
    }
}
