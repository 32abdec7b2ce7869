package dev.netc.runtime.kernel;

import static dev.netc.runtime.kernel.VectorDenseKernel.COUNTER_STEP;
import static dev.netc.runtime.kernel.VectorDenseKernel.LANES;
import static dev.netc.runtime.kernel.VectorDenseKernel.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The forward product with the Vector API, as dot products along the inputs: blocks of 4 rows x 2 units (8
 * accumulators) reuse each loaded weight vector for 4 rows and each input vector for 2 units. The input rows of a
 * block are first interleaved into a per-thread buffer, so that one offset with constant displacements reaches all
 * four, and the packed offset can count the loop. Rows left over, and single rows (latency), go one row x 6 units at a
 * time (then 3 for the units left over). A tile interleaves {@value #PACKED_ROWS} rows at a time and runs all its units over them, so that the weights
 * it reads are reused by those rows while they sit in the cache.
 */
final class VectorForward {

    /**
     * Whether {@code reduceLanes(ADD)} adds a float vector's lanes from lane 0 up when compiled, as it does when
     * interpreted. C2 did so up to JDK 22; from JDK 23 (JDK-8320725, and JDK-8337062 for x86 in JDK 24) it may add them
     * in any order, so that a compiled call could give other bits than an interpreted one, and a result would depend
     * on which thread had run the kernel often enough to compile it.
     */
    private static final boolean ORDERED_REDUCTION = Runtime.version().feature() < 23;

    /** Rows interleaved at a time: bounds the per-thread buffer at {@value} rows of the layer's inputs. */
    private static final int PACKED_ROWS = 16;

    /** Per thread: input rows interleaved for {@link #forward4x2}, grown to the largest layer seen. */
    private static final ThreadLocal<float[]> PACKED = ThreadLocal.withInitial(() -> new float[0]);

    private VectorForward() {}

    /** {@link DenseKernel#forward}. */
    static void forward(
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
        int end = SPECIES.loopBound(inputs);
        int lastUnit = unitTo - 1;
        int blockedEnd = rowFrom + (rowTo - rowFrom) / 4 * 4;
        if (blockedEnd > rowFrom) {
            float[] packed = packed(PACKED_ROWS * end);
            for (int group = rowFrom; group < blockedEnd; group += PACKED_ROWS) {
                int groupEnd = Math.min(group + PACKED_ROWS, blockedEnd);
                for (int r = group; r < groupEnd; r += 4) {
                    pack4(x, xOffset + r * inputs, inputs, end, packed, (r - group) * end);
                }
                for (int o = unitFrom; o < unitTo; o += 2) {
                    int o1 = Math.min(o + 1, lastUnit);
                    for (int r = group; r < groupEnd; r += 4) {
                        forward4x2(
                                p,
                                weights,
                                bias,
                                inputs,
                                units,
                                end,
                                x,
                                xOffset,
                                packed,
                                (r - group) * end,
                                z,
                                r,
                                o,
                                o1);
                    }
                }
            }
        }
        int s = blockedEnd;
        for (; s < rowTo; s++) {
            int o = unitFrom;
            for (; o + 6 <= unitTo; o += 6) {
                forward1x6(p, weights, bias, inputs, units, end, x, xOffset, z, s, o);
            }
            for (; o < unitTo; o += 3) {
                int o1 = Math.min(o + 1, lastUnit);
                int o2 = Math.min(o + 2, lastUnit);
                forward1x3(p, weights, bias, inputs, units, end, x, xOffset, z, s, o, o1, o2);
            }
        }
    }

    /** This thread's buffer of interleaved input rows, at least {@code length} long. */
    private static float[] packed(int length) {
        float[] packed = PACKED.get();
        if (packed.length < length) {
            packed = new float[length];
            PACKED.set(packed);
        }
        return packed;
    }

    /**
     * Interleaves the whole vectors of four consecutive rows (from {@code x[row]}, {@code inputs} apart) into {@code
     * packed} from {@code at}: vector {@code j} of row {@code r} at {@code at + (4j + r) * LANES}.
     */
    private static void pack4(float[] x, int row, int inputs, int end, float[] packed, int at) {
        for (int i = 0, j = at; i < end; i += LANES, j += 4 * LANES) {
            FloatVector.fromArray(SPECIES, x, row + i).intoArray(packed, j);
            FloatVector.fromArray(SPECIES, x, row + inputs + i).intoArray(packed, j + LANES);
            FloatVector.fromArray(SPECIES, x, row + 2 * inputs + i).intoArray(packed, j + 2 * LANES);
            FloatVector.fromArray(SPECIES, x, row + 3 * inputs + i).intoArray(packed, j + 3 * LANES);
        }
    }

    /**
     * Rows {@code s..s+3}, interleaved in {@code packed} from {@code xAt}, of units {@code oa, ob}: 8 dot products,
     * then their lanes summed, the scalar tail added from the rows themselves, and the bias.
     */
    private static void forward4x2(
            float[] p,
            int weights,
            int bias,
            int inputs,
            int units,
            int end,
            float[] x,
            int xOffset,
            float[] packed,
            int xAt,
            float[] z,
            int s,
            int oa,
            int ob) {
        int wa = weights + oa * inputs, wb = weights + ob * inputs;
        FloatVector a0 = FloatVector.zero(SPECIES), b0 = a0, a1 = a0, b1 = a0, a2 = a0, b2 = a0, a3 = a0, b3 = a0;
        // the counter j steps over 4 packed vectors, above 8 floats: see VectorDenseKernel on loops
        for (int j = xAt, i = 0, jEnd = xAt + 4 * end; j < jEnd; j += 4 * LANES, i += LANES) {
            FloatVector wva = FloatVector.fromArray(SPECIES, p, wa + i);
            FloatVector wvb = FloatVector.fromArray(SPECIES, p, wb + i);
            FloatVector xv = FloatVector.fromArray(SPECIES, packed, j);
            a0 = wva.fma(xv, a0);
            b0 = wvb.fma(xv, b0);
            xv = FloatVector.fromArray(SPECIES, packed, j + LANES);
            a1 = wva.fma(xv, a1);
            b1 = wvb.fma(xv, b1);
            xv = FloatVector.fromArray(SPECIES, packed, j + 2 * LANES);
            a2 = wva.fma(xv, a2);
            b2 = wvb.fma(xv, b2);
            xv = FloatVector.fromArray(SPECIES, packed, j + 3 * LANES);
            a3 = wva.fma(xv, a3);
            b3 = wvb.fma(xv, b3);
        }
        float ba = bias(p, bias, oa), bb = bias(p, bias, ob);
        int x0 = xOffset + s * inputs, x1 = x0 + inputs, x2 = x1 + inputs, x3 = x2 + inputs;
        int z0 = s * units, z1 = z0 + units, z2 = z1 + units, z3 = z2 + units;
        z[z0 + oa] = ba + dotTail(laneSum(a0), p, wa, x, x0, end, inputs);
        z[z0 + ob] = bb + dotTail(laneSum(b0), p, wb, x, x0, end, inputs);
        z[z1 + oa] = ba + dotTail(laneSum(a1), p, wa, x, x1, end, inputs);
        z[z1 + ob] = bb + dotTail(laneSum(b1), p, wb, x, x1, end, inputs);
        z[z2 + oa] = ba + dotTail(laneSum(a2), p, wa, x, x2, end, inputs);
        z[z2 + ob] = bb + dotTail(laneSum(b2), p, wb, x, x2, end, inputs);
        z[z3 + oa] = ba + dotTail(laneSum(a3), p, wa, x, x3, end, inputs);
        z[z3 + ob] = bb + dotTail(laneSum(b3), p, wb, x, x3, end, inputs);
    }

    /** Row {@code s} of units {@code oa, ob, oc}: the rows left over by {@link #forward4x2}, and latency (1 row). */
    private static void forward1x3(
            float[] p,
            int weights,
            int bias,
            int inputs,
            int units,
            int end,
            float[] x,
            int xOffset,
            float[] z,
            int s,
            int oa,
            int ob,
            int oc) {
        int wa = weights + oa * inputs, wb = weights + ob * inputs, wc = weights + oc * inputs;
        int x0 = xOffset + s * inputs;
        FloatVector aa = FloatVector.zero(SPECIES), ab = aa, ac = aa;
        for (int k = 0, i = 0, count = end / LANES * COUNTER_STEP; k < count; k += COUNTER_STEP, i += LANES) {
            FloatVector xv = FloatVector.fromArray(SPECIES, x, x0 + i);
            aa = FloatVector.fromArray(SPECIES, p, wa + i).fma(xv, aa);
            ab = FloatVector.fromArray(SPECIES, p, wb + i).fma(xv, ab);
            ac = FloatVector.fromArray(SPECIES, p, wc + i).fma(xv, ac);
        }
        float ba = bias(p, bias, oa), bb = bias(p, bias, ob), bc = bias(p, bias, oc);
        int z0 = s * units;
        z[z0 + oa] = ba + dotTail(laneSum(aa), p, wa, x, x0, end, inputs);
        z[z0 + ob] = bb + dotTail(laneSum(ab), p, wb, x, x0, end, inputs);
        z[z0 + oc] = bc + dotTail(laneSum(ac), p, wc, x, x0, end, inputs);
    }

    /**
     * Row {@code s} of units {@code o..o+5}: one sample (latency), where the time goes to streaming the weights from
     * the cache, so six rows of weights are read at once, two vectors of each per iteration (6-9% faster than one on
     * the digits network's layers).
     */
    private static void forward1x6(
            float[] p,
            int weights,
            int bias,
            int inputs,
            int units,
            int end,
            float[] x,
            int xOffset,
            float[] z,
            int s,
            int o) {
        int wa = weights + o * inputs, wb = wa + inputs, wc = wb + inputs;
        int wd = wc + inputs, we = wd + inputs, wf = we + inputs;
        int x0 = xOffset + s * inputs;
        FloatVector aa = FloatVector.zero(SPECIES), ab = aa, ac = aa, ad = aa, ae = aa, af = aa;
        // two vectors of each row an iteration: C2 merges the bounds checks of a row's two loads into one
        int i = 0;
        for (int k = 0, count = end / (2 * LANES) * COUNTER_STEP; k < count; k += COUNTER_STEP, i += 2 * LANES) {
            FloatVector xv = FloatVector.fromArray(SPECIES, x, x0 + i);
            FloatVector xw = FloatVector.fromArray(SPECIES, x, x0 + i + LANES);
            aa = FloatVector.fromArray(SPECIES, p, wa + i).fma(xv, aa);
            aa = FloatVector.fromArray(SPECIES, p, wa + i + LANES).fma(xw, aa);
            ab = FloatVector.fromArray(SPECIES, p, wb + i).fma(xv, ab);
            ab = FloatVector.fromArray(SPECIES, p, wb + i + LANES).fma(xw, ab);
            ac = FloatVector.fromArray(SPECIES, p, wc + i).fma(xv, ac);
            ac = FloatVector.fromArray(SPECIES, p, wc + i + LANES).fma(xw, ac);
            ad = FloatVector.fromArray(SPECIES, p, wd + i).fma(xv, ad);
            ad = FloatVector.fromArray(SPECIES, p, wd + i + LANES).fma(xw, ad);
            ae = FloatVector.fromArray(SPECIES, p, we + i).fma(xv, ae);
            ae = FloatVector.fromArray(SPECIES, p, we + i + LANES).fma(xw, ae);
            af = FloatVector.fromArray(SPECIES, p, wf + i).fma(xv, af);
            af = FloatVector.fromArray(SPECIES, p, wf + i + LANES).fma(xw, af);
        }
        if (i < end) { // an odd vector at the end
            FloatVector xv = FloatVector.fromArray(SPECIES, x, x0 + i);
            aa = FloatVector.fromArray(SPECIES, p, wa + i).fma(xv, aa);
            ab = FloatVector.fromArray(SPECIES, p, wb + i).fma(xv, ab);
            ac = FloatVector.fromArray(SPECIES, p, wc + i).fma(xv, ac);
            ad = FloatVector.fromArray(SPECIES, p, wd + i).fma(xv, ad);
            ae = FloatVector.fromArray(SPECIES, p, we + i).fma(xv, ae);
            af = FloatVector.fromArray(SPECIES, p, wf + i).fma(xv, af);
        }
        int z0 = s * units + o;
        z[z0] = bias(p, bias, o) + dotTail(laneSum(aa), p, wa, x, x0, end, inputs);
        z[z0 + 1] = bias(p, bias, o + 1) + dotTail(laneSum(ab), p, wb, x, x0, end, inputs);
        z[z0 + 2] = bias(p, bias, o + 2) + dotTail(laneSum(ac), p, wc, x, x0, end, inputs);
        z[z0 + 3] = bias(p, bias, o + 3) + dotTail(laneSum(ad), p, wd, x, x0, end, inputs);
        z[z0 + 4] = bias(p, bias, o + 4) + dotTail(laneSum(ae), p, we, x, x0, end, inputs);
        z[z0 + 5] = bias(p, bias, o + 5) + dotTail(laneSum(af), p, wf, x, x0, end, inputs);
    }

    /** The lanes of {@code v} added from lane 0 up, on every JDK and in every tier. */
    static float laneSum(FloatVector v) {
        return ORDERED_REDUCTION ? v.reduceLanes(VectorOperators.ADD) : laneSumInOrder(v);
    }

    /** {@link #laneSum} one lane at a time: slower than C2's ordered reduction (by a third in the forward kernel). */
    static float laneSumInOrder(FloatVector v) {
        float sum = v.lane(0);
        for (int lane = 1; lane < LANES; lane++) {
            sum += v.lane(lane);
        }
        return sum;
    }

    /** Unit {@code o}'s bias, or 0 for a layer without one. */
    private static float bias(float[] p, int bias, int o) {
        return bias < 0 ? 0f : p[bias + o];
    }

    /** {@code sum} plus the products {@code a[ai + i] * b[bi + i]} for {@code i} in {@code [from, to)}, in order. */
    private static float dotTail(float sum, float[] a, int ai, float[] b, int bi, int from, int to) {
        for (int i = from; i < to; i++) {
            sum = Math.fma(a[ai + i], b[bi + i], sum);
        }
        return sum;
    }
}
