package dev.netc.runtime.kernel;

/**
 * One implementation of the three dense-layer products, each restricted to a tile of its output so that tiles can run
 * on different threads. Every output element is computed by the same sequence of floating-point operations whichever
 * tile contains it and whichever implementation block computes it, so results do not depend on how the output is
 * split. Arguments are as in {@link DenseKernels}, checked by the caller.
 */
interface DenseKernel {

    /** Which implementation this is, as named by the {@code netc.kernels} property. */
    String name();

    /**
     * The granularity of input tiles for {@link #gradient} and {@link #inputGradient}: an input tile starts
     * at a multiple of this width, so that the vector blocks of a tile line up with those of the whole row.
     */
    int inputTileGranularity();

    /** {@link DenseKernels#forward} for rows {@code [rowFrom, rowTo)} and units {@code [unitFrom, unitTo)} only. */
    void forward(
            float[] p,
            int weights,
            int bias,
            int inputs,
            int units,
            float[] x,
            int xOffset,
            float[] z,
            int rowFrom,
            int rowTo,
            int unitFrom,
            int unitTo);

    /**
     * {@link DenseKernels#gradient} for the weights of units {@code [unitFrom, unitTo)} and inputs {@code [inputFrom,
     * inputTo)} only, and the bias of those units when {@code inputFrom} is 0; {@code inputFrom} is a multiple of
     * {@link #inputTileGranularity()}.
     */
    void gradient(
            float[] dz,
            float[] x,
            int xOffset,
            int rows,
            int inputs,
            int units,
            float[] g,
            int weights,
            int bias,
            boolean add,
            int unitFrom,
            int unitTo,
            int inputFrom,
            int inputTo);

    /**
     * {@link DenseKernels#inputGradient} for rows {@code [rowFrom, rowTo)} and inputs {@code [inputFrom, inputTo)}
     * only; {@code inputFrom} is a multiple of {@link #inputTileGranularity()}.
     */
    void inputGradient(
            float[] p,
            int weights,
            int inputs,
            int units,
            float[] dz,
            float[] dx,
            int rowFrom,
            int rowTo,
            int inputFrom,
            int inputTo);
}
