package dev.netc.runtime.kernel;

import static dev.netc.runtime.kernel.VectorDenseKernel.COUNTER_STEP;
import static dev.netc.runtime.kernel.VectorDenseKernel.LANES;
import static dev.netc.runtime.kernel.VectorDenseKernel.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The input gradient with the Vector API, as sums over the units of broadcast output gradients times weight
 * vectors: blocks of 4 rows x 3 input vectors (12 accumulators) take one broadcast per row and unit and one loaded
 * weight vector per vector and unit. The vectors of a block at the end of a tile repeat the last valid one (written
 * twice with the same value); rows left over go one at a time.
 */
final class VectorInputGradient {

    /** Floats of inputs per block of {@link #inputGradient4x3}. */
    static final int BLOCK_WIDTH = 3 * LANES;

    private VectorInputGradient() {}

    /** {@link DenseKernel#inputGradient}. */
    static void inputGradient(
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
        int end = inputFrom + SPECIES.loopBound(inputTo - inputFrom);
        int lastVector = end - LANES;
        int lastRow = rowTo - 1;
        for (int i = inputFrom; i < end; i += BLOCK_WIDTH) {
            int i1 = Math.min(i + LANES, lastVector);
            int i2 = Math.min(i + 2 * LANES, lastVector);
            int s = rowFrom;
            for (; s + 4 <= rowTo; s += 4) {
                inputGradient4x3(p, weights, inputs, units, dz, dx, s, i, i1, i2);
            }
            for (; s < rowTo; s++) {
                inputGradient1x3(p, weights, inputs, units, dz, dx, s, i, i1, i2);
            }
        }
        for (int s = rowFrom; s <= lastRow; s++) {
            for (int i = end; i < inputTo; i++) {
                float sum = 0f;
                for (int o = 0; o < units; o++) {
                    sum = Math.fma(dz[s * units + o], p[weights + o * inputs + i], sum);
                }
                dx[s * inputs + i] = sum;
            }
        }
    }

    /**
     * Rows {@code s..s+3} x the vectors at inputs {@code ia, ib, ic}: 12 sums over all units of broadcast output
     * gradients times weight vectors. A repeated vector (an edge block) is written twice with the same value.
     */
    private static void inputGradient4x3(
            float[] p, int weights, int inputs, int units, float[] dz, float[] dx, int s, int ia, int ib, int ic) {
        FloatVector aa = FloatVector.zero(SPECIES), ab = aa, ac = aa;
        FloatVector ba = aa, bb = aa, bc = aa;
        FloatVector ca = aa, cb = aa, cc = aa;
        FloatVector da = aa, db = aa, dc = aa;
        int d0 = s * units, d1 = d0 + units, d2 = d1 + units, d3 = d2 + units;
        int w = weights;
        for (int k = 0, o = 0, count = units * COUNTER_STEP; k < count; k += COUNTER_STEP, o++, w += inputs) {
            FloatVector wa = FloatVector.fromArray(SPECIES, p, w + ia);
            FloatVector wb = FloatVector.fromArray(SPECIES, p, w + ib);
            FloatVector wc = FloatVector.fromArray(SPECIES, p, w + ic);
            FloatVector d = FloatVector.broadcast(SPECIES, dz[d0 + o]);
            aa = d.fma(wa, aa);
            ab = d.fma(wb, ab);
            ac = d.fma(wc, ac);
            d = FloatVector.broadcast(SPECIES, dz[d1 + o]);
            ba = d.fma(wa, ba);
            bb = d.fma(wb, bb);
            bc = d.fma(wc, bc);
            d = FloatVector.broadcast(SPECIES, dz[d2 + o]);
            ca = d.fma(wa, ca);
            cb = d.fma(wb, cb);
            cc = d.fma(wc, cc);
            d = FloatVector.broadcast(SPECIES, dz[d3 + o]);
            da = d.fma(wa, da);
            db = d.fma(wb, db);
            dc = d.fma(wc, dc);
        }
        int x0 = s * inputs, x1 = x0 + inputs, x2 = x1 + inputs, x3 = x2 + inputs;
        aa.intoArray(dx, x0 + ia);
        ab.intoArray(dx, x0 + ib);
        ac.intoArray(dx, x0 + ic);
        ba.intoArray(dx, x1 + ia);
        bb.intoArray(dx, x1 + ib);
        bc.intoArray(dx, x1 + ic);
        ca.intoArray(dx, x2 + ia);
        cb.intoArray(dx, x2 + ib);
        cc.intoArray(dx, x2 + ic);
        da.intoArray(dx, x3 + ia);
        db.intoArray(dx, x3 + ib);
        dc.intoArray(dx, x3 + ic);
    }

    /** Row {@code s} x the vectors at inputs {@code ia, ib, ic}: the rows left over by {@link #inputGradient4x3}. */
    private static void inputGradient1x3(
            float[] p, int weights, int inputs, int units, float[] dz, float[] dx, int s, int ia, int ib, int ic) {
        FloatVector aa = FloatVector.zero(SPECIES), ab = aa, ac = aa;
        int d0 = s * units;
        int w = weights;
        for (int k = 0, o = 0, count = units * COUNTER_STEP; k < count; k += COUNTER_STEP, o++, w += inputs) {
            FloatVector d = FloatVector.broadcast(SPECIES, dz[d0 + o]);
            aa = d.fma(FloatVector.fromArray(SPECIES, p, w + ia), aa);
            ab = d.fma(FloatVector.fromArray(SPECIES, p, w + ib), ab);
            ac = d.fma(FloatVector.fromArray(SPECIES, p, w + ic), ac);
        }
        int x0 = s * inputs;
        aa.intoArray(dx, x0 + ia);
        ab.intoArray(dx, x0 + ib);
        ac.intoArray(dx, x0 + ic);
    }
}
