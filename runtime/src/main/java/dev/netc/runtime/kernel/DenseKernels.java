package dev.netc.runtime.kernel;

/**
 * The dense-layer products that generated code calls for its looped layers, on blocks of samples stored batch-major
 * (sample {@code s} of a block at {@code s * width}). Parameters and gradients use the layout of the generated class:
 * for each dense layer, weights row-major {@code [units][inputs]}, then {@code bias[units]}.
 *
 * <p>Two implementations exist. With {@code --add-modules jdk.incubator.vector} on the JVM's command line the Vector
 * API ones run, register-blocked, several times faster; without it, plain Java ones. The system property {@code
 * netc.kernels=vector|scalar} forces one. Large calls are split over a small shared pool of daemon threads, {@code
 * netc.threads} in all (the caller included; by default the available processors). Both properties are read once,
 * when this class is first used.
 *
 * <p>Results are bit-identical whatever the number of threads: work is split only over output elements, in tiles whose
 * size does not depend on the thread count, and each element is reduced in one fixed order. Agreement with a
 * double-precision product is about 1e-6 of the sum of the terms' magnitudes; the vector and plain implementations
 * differ by rounding only. Calls are thread-safe, and allocate nothing once warm. Output arrays must not overlap the
 * inputs of the same call.
 */
public final class DenseKernels {

    private static final TileExecutor THREADS = new TileExecutor(KernelSelection.threads());
    private static final TiledDense KERNELS = new TiledDense(KernelSelection.kernel(), THREADS);

    private DenseKernels() {}

    /**
     * Dense forward on a block of rows (samples), batch-major: {@code z[s*units + o] = (bias >= 0 ? p[bias + o] : 0) +
     * sum_i p[weights + o*inputs + i] * x[xOffset + s*inputs + i]} for {@code s < rows, o < units}. Overwrites {@code
     * z[0 .. rows*units)}; {@code p} and {@code x} not modified.
     *
     * @throws IndexOutOfBoundsException if a range lies outside its array (then nothing is written)
     * @throws IllegalArgumentException if {@code inputs} or {@code units} is below 1, {@code rows} below 0, or any
     *     of them above 2^26 - 1
     */
    public static void forward(
            float[] p, int weights, int bias, int inputs, int units, float[] x, int xOffset, int rows, float[] z) {
        KERNELS.forward(p, weights, bias, inputs, units, x, xOffset, rows, z);
    }

    /**
     * The block's parameter gradient, added to {@code g} or written over it: for {@code o < units, i < inputs}, {@code
     * g[weights + o*inputs + i] (+)= sum_{s < rows, ascending} dz[s*units + o] * x[xOffset + s*inputs + i]} and, when
     * {@code bias >= 0}, {@code g[bias + o] (+)= sum_s dz[s*units + o]}. Writing (with {@code add} false) spares a
     * pass that zeroes {@code g} before the first block of a batch. {@code dz} and {@code x} not modified.
     *
     * @throws IndexOutOfBoundsException if a range lies outside its array (then nothing is written)
     * @throws IllegalArgumentException if {@code inputs} or {@code units} is below 1, {@code rows} below 0, or any
     *     of them above 2^26 - 1
     */
    public static void gradient(
            float[] dz,
            float[] x,
            int xOffset,
            int rows,
            int inputs,
            int units,
            float[] g,
            int weights,
            int bias,
            boolean add) {
        KERNELS.gradient(dz, x, xOffset, rows, inputs, units, g, weights, bias, add);
    }

    /**
     * The block's input gradient: {@code dx[s*inputs + i] = sum_o dz[s*units + o] * p[weights + o*inputs + i]};
     * overwrites {@code dx[0 .. rows*inputs)}. {@code p} and {@code dz} not modified.
     *
     * @throws IndexOutOfBoundsException if a range lies outside its array (then nothing is written)
     * @throws IllegalArgumentException if {@code inputs} or {@code units} is below 1, {@code rows} below 0, or any
     *     of them above 2^26 - 1
     */
    public static void inputGradient(float[] p, int weights, int inputs, int units, float[] dz, int rows, float[] dx) {
        KERNELS.inputGradient(p, weights, inputs, units, dz, rows, dx);
    }

    /** The threads that share large calls, the caller's included; {@link BlockTask} shares whole blocks on them. */
    static TileExecutor threads() {
        return THREADS;
    }

    /** The implementation in use, {@code "vector"} or {@code "scalar"}: for logs and benchmark reports. */
    public static String implementation() {
        return KERNELS.kernel().name();
    }
}
