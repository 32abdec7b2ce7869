package dev.netc.runtime.kernel;

import static dev.netc.runtime.kernel.VectorDenseKernel.COUNTER_STEP;
import static dev.netc.runtime.kernel.VectorDenseKernel.LANES;
import static dev.netc.runtime.kernel.VectorDenseKernel.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The parameter gradient with the Vector API, as sums of outer products over the rows: blocks of 4 units x 2 input
 * vectors (8 accumulators) take one broadcast output gradient per unit and row and one loaded input vector per
 * vector and row. Running offsets reach every load of a block with constant displacements, which keeps the loop within
 * the general-purpose registers; 8 accumulators leave vector registers for the loads and the two broadcasts that C2
 * keeps live at once (12, as 4 x 3, spilled one accumulator and ran about 20% slower). Units and vectors left over go
 * through narrower blocks that do the same operations per element.
 */
final class VectorGradient {

    private VectorGradient() {}

    /** {@link DenseKernel#accumulateGradient}. */
    static void accumulate(
            float[] dz,
            float[] x,
            int xOffset,
            int rows,
            int inputs,
            int units,
            float[] g,
            int weights,
            int bias,
            int unitFrom,
            int unitTo,
            int inputFrom,
            int inputTo) {
        int end = inputFrom + SPECIES.loopBound(inputTo - inputFrom);
        int blockEnd = inputFrom + (end - inputFrom) / (2 * LANES) * (2 * LANES);
        int o = unitFrom;
        for (; o + 4 <= unitTo; o += 4) {
            for (int i = inputFrom; i < blockEnd; i += 2 * LANES) {
                gradient4x2(dz, x, xOffset, rows, inputs, units, g, weights, o, i);
            }
            for (int i = blockEnd; i < end; i += LANES) {
                gradient4x1(dz, x, xOffset, rows, inputs, units, g, weights, o, i);
            }
        }
        for (; o < unitTo; o++) {
            for (int i = inputFrom; i < end; i += LANES) {
                gradient1x1(dz, x, xOffset, rows, inputs, units, g, weights, o, i);
            }
        }
        for (int u = unitFrom; u < unitTo; u++) {
            gradientTail(dz, x, xOffset, rows, inputs, units, g, weights, u, end, inputTo);
            if (bias >= 0 && inputFrom == 0) {
                float sum = 0f;
                for (int s = 0; s < rows; s++) {
                    sum += dz[s * units + u];
                }
                g[bias + u] += sum;
            }
        }
    }

    /**
     * Units {@code o..o+3} x the two vectors from input {@code i}: 8 sums over all rows of broadcast output gradients
     * times input vectors, then added to {@code g}.
     */
    private static void gradient4x2(
            float[] dz, float[] x, int xOffset, int rows, int inputs, int units, float[] g, int weights, int o, int i) {
        FloatVector aa = FloatVector.zero(SPECIES), ab = aa;
        FloatVector ba = aa, bb = aa;
        FloatVector ca = aa, cb = aa;
        FloatVector da = aa, db = aa;
        int xi = xOffset + i, di = o;
        for (int k = 0, count = rows * COUNTER_STEP; k < count; k += COUNTER_STEP, xi += inputs, di += units) {
            FloatVector xa = FloatVector.fromArray(SPECIES, x, xi);
            FloatVector xb = FloatVector.fromArray(SPECIES, x, xi + LANES);
            FloatVector d = FloatVector.broadcast(SPECIES, dz[di]);
            aa = d.fma(xa, aa);
            ab = d.fma(xb, ab);
            d = FloatVector.broadcast(SPECIES, dz[di + 1]);
            ba = d.fma(xa, ba);
            bb = d.fma(xb, bb);
            d = FloatVector.broadcast(SPECIES, dz[di + 2]);
            ca = d.fma(xa, ca);
            cb = d.fma(xb, cb);
            d = FloatVector.broadcast(SPECIES, dz[di + 3]);
            da = d.fma(xa, da);
            db = d.fma(xb, db);
        }
        int ga = weights + o * inputs + i, gb = ga + inputs, gc = gb + inputs, gd = gc + inputs;
        FloatVector.fromArray(SPECIES, g, ga).add(aa).intoArray(g, ga);
        FloatVector.fromArray(SPECIES, g, ga + LANES).add(ab).intoArray(g, ga + LANES);
        FloatVector.fromArray(SPECIES, g, gb).add(ba).intoArray(g, gb);
        FloatVector.fromArray(SPECIES, g, gb + LANES).add(bb).intoArray(g, gb + LANES);
        FloatVector.fromArray(SPECIES, g, gc).add(ca).intoArray(g, gc);
        FloatVector.fromArray(SPECIES, g, gc + LANES).add(cb).intoArray(g, gc + LANES);
        FloatVector.fromArray(SPECIES, g, gd).add(da).intoArray(g, gd);
        FloatVector.fromArray(SPECIES, g, gd + LANES).add(db).intoArray(g, gd + LANES);
    }

    /** Units {@code o..o+3} x the vector at input {@code i}: the vectors left over by {@link #gradient4x2}. */
    private static void gradient4x1(
            float[] dz, float[] x, int xOffset, int rows, int inputs, int units, float[] g, int weights, int o, int i) {
        FloatVector a = FloatVector.zero(SPECIES), b = a, c = a, d = a;
        int xi = xOffset + i, di = o;
        for (int k = 0, count = rows * COUNTER_STEP; k < count; k += COUNTER_STEP, xi += inputs, di += units) {
            FloatVector xv = FloatVector.fromArray(SPECIES, x, xi);
            a = FloatVector.broadcast(SPECIES, dz[di]).fma(xv, a);
            b = FloatVector.broadcast(SPECIES, dz[di + 1]).fma(xv, b);
            c = FloatVector.broadcast(SPECIES, dz[di + 2]).fma(xv, c);
            d = FloatVector.broadcast(SPECIES, dz[di + 3]).fma(xv, d);
        }
        int ga = weights + o * inputs + i, gb = ga + inputs, gc = gb + inputs, gd = gc + inputs;
        FloatVector.fromArray(SPECIES, g, ga).add(a).intoArray(g, ga);
        FloatVector.fromArray(SPECIES, g, gb).add(b).intoArray(g, gb);
        FloatVector.fromArray(SPECIES, g, gc).add(c).intoArray(g, gc);
        FloatVector.fromArray(SPECIES, g, gd).add(d).intoArray(g, gd);
    }

    /** Unit {@code o} x the vector at input {@code i}: the units left over by {@link #gradient4x2}. */
    private static void gradient1x1(
            float[] dz, float[] x, int xOffset, int rows, int inputs, int units, float[] g, int weights, int o, int i) {
        FloatVector a = FloatVector.zero(SPECIES);
        int xi = xOffset + i, di = o;
        for (int s = 0; s < rows; s++, xi += inputs, di += units) {
            a = FloatVector.broadcast(SPECIES, dz[di]).fma(FloatVector.fromArray(SPECIES, x, xi), a);
        }
        int ga = weights + o * inputs + i;
        FloatVector.fromArray(SPECIES, g, ga).add(a).intoArray(g, ga);
    }

    /** Unit {@code o}, inputs {@code [from, to)} that fill no vector: one element at a time. */
    private static void gradientTail(
            float[] dz,
            float[] x,
            int xOffset,
            int rows,
            int inputs,
            int units,
            float[] g,
            int weights,
            int o,
            int from,
            int to) {
        int row = weights + o * inputs;
        for (int i = from; i < to; i++) {
            float sum = 0f;
            for (int s = 0; s < rows; s++) {
                sum = Math.fma(dz[s * units + o], x[xOffset + s * inputs + i], sum);
            }
            g[row + i] += sum;
        }
    }
}
