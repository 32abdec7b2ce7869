package dev.netc.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense products with the Vector API ({@code jdk.incubator.vector}) at the preferred vector width (8 floats with
 * AVX2), register-blocked so that each loaded vector feeds several fused multiply-adds: {@link VectorForward}, {@link
 * VectorGradient}, {@link VectorInputGradient}. Loaded only through {@link KernelSelection}, by reflection, when the
 * incubator module is in the boot layer.
 *
 * <p>The order of operations per output element is fixed: lane-wise fused multiply-adds over the whole vectors of
 * the reduction, in ascending order, from zero; then (forward only) the lanes summed from lane 0 up, whether the code
 * is interpreted or compiled and on every JDK ({@link VectorForward#laneSum}); then the remaining scalar terms with
 * {@link Math#fma}; then the bias added (forward) or the sum added to the gradient (for every {@value
 * VectorGradient#ROW_CHUNK} rows). Every block shape, at the edges too, does exactly these operations for each of its
 * elements, so results do not depend on how the output is cut into blocks and tiles.
 *
 * <p>How the inner loops are written matters as much as the blocking, because C2 (JDK 17) allocates registers
 * without regard to pressure. Each inner loop is counted by a counter that advances by {@link #COUNTER_STEP} per
 * iteration, other offsets advancing beside it. C2 unrolls only counted loops whose step is at most 8, so these stay
 * one iteration long and their loads are not hoisted from later iterations (with the natural step of 8 floats it
 * unrolled them 4 times and spilled accumulators: 33 GFLOP/s on the digits network's first layer, forward, one Zen 3
 * core). Being counted, they also carry no safepoint poll (C2 strip-mines them), whose debug state otherwise made C2
 * spill the last accumulators in about one JVM run out of three (28 against 50 GFLOP/s). This layout measured 62 to
 * 70 GFLOP/s there, run after run. Loads addressed through the counter lose their bounds checks; the others keep one,
 * which the load ports absorb. Offsets are kept few, with constant displacements where the data allows, so that the
 * loop also fits the general-purpose registers: C2 otherwise spills integers into vector registers.
 */
final class VectorDenseKernel implements DenseKernel {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    /** The step of the counter of every inner loop, one iteration's worth (see the class comment): any constant above 8. */
    static final int COUNTER_STEP = 32;

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int inputTileGranularity() {
        return 2 * VectorInputGradient.BLOCK_WIDTH; // whole blocks of the gradient (2 vectors) and input gradient (3)
    }

    @Override
    public void forward(
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
            int unitTo) {
        VectorForward.forward(p, weights, bias, inputs, units, x, xOffset, z, rowFrom, rowTo, unitFrom, unitTo);
    }

    @Override
    public void gradient(
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
            int inputTo) {
        VectorGradient.gradient(
                dz, x, xOffset, rows, inputs, units, g, weights, bias, add, unitFrom, unitTo, inputFrom, inputTo);
    }

    @Override
    public void inputGradient(
            float[] p,
            int weights,
            int inputs,
            int units,
            float[] dz,
            float[] dx,
            int rowFrom,
            int rowTo,
            int inputFrom,
            int inputTo) {
        VectorInputGradient.inputGradient(p, weights, inputs, units, dz, dx, rowFrom, rowTo, inputFrom, inputTo);
    }
}
