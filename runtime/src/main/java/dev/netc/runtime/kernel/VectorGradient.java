package dev.netc.runtime.kernel;

import static dev.netc.runtime.kernel.VectorDenseKernel.LANES;
import static dev.netc.runtime.kernel.VectorDenseKernel.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The parameter gradient with the Vector API, as sums of outer products over the rows: blocks of 4 units x 2 input
 * vectors (8 accumulators) take one broadcast output gradient per unit and row and one loaded input vector per
 * vector and row.
 *
 * <p>Both operands are first packed into per-thread buffers so that the inner loop reads them at offsets linear in
 * the row, which C2 checks once per loop instead of once per load: the output gradients of each group of 4 units
 * row after row, and each input vector row after row. Read in place, at a stride of a whole row, the loop kept a
 * bounds check per load and ran at 37-44 GFLOP/s on the digits network's first layer at 32 rows (one Zen 3 core);
 * packed, at 58-62. Packing costs one copy of the tile's inputs and output gradients, against {@code rows x units x
 * inputs} multiply-adds. Rows are taken {@value #ROW_CHUNK} at a time, which bounds the buffers; the first chunk's
 * sums are written to the gradient or added to it, as asked, and later chunks' added in order.
 *
 * <p>Units left over go one at a time, and inputs that fill no vector one element at a time, reading the operands in
 * place; every element gets the same operations whichever block computes it.
 */
final class VectorGradient {

    /** Rows packed and summed at a time. */
    static final int ROW_CHUNK = 128;

    /** Units per packed group, the height of a block. */
    private static final int GROUP = 4;

    /** Per thread: the packed output gradients and inputs, grown to the largest tile seen. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private VectorGradient() {}

    /** {@link DenseKernel#gradient}, for {@code rows} of at least 1. */
    static void gradient(
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
        int end = inputFrom + SPECIES.loopBound(inputTo - inputFrom);
        int vectors = (end - inputFrom) / LANES;
        int groupedTo = unitFrom + (unitTo - unitFrom) / GROUP * GROUP;
        Buffers buffers = BUFFERS.get();
        for (int first = 0; first < rows; first += ROW_CHUNK) {
            int chunk = Math.min(ROW_CHUNK, rows - first);
            boolean addChunk = add || first > 0;
            float[] d = buffers.gradients(chunk * (groupedTo - unitFrom));
            float[] xs = buffers.inputs(chunk * (end - inputFrom));
            packGradients(dz, first, chunk, units, unitFrom, groupedTo, d);
            packInputs(x, xOffset + first * inputs, chunk, inputs, inputFrom, vectors, xs);
            for (int o = unitFrom; o < groupedTo; o += GROUP) {
                int dAt = (o - unitFrom) * chunk, row = weights + o * inputs + inputFrom;
                int v = 0;
                for (; v + 2 <= vectors; v += 2) {
                    gradient4x2(d, dAt, xs, v * chunk * LANES, chunk, inputs, g, row + v * LANES, addChunk);
                }
                if (v < vectors) {
                    gradient4x1(d, dAt, xs, v * chunk * LANES, chunk, inputs, g, row + v * LANES, addChunk);
                }
            }
            for (int o = groupedTo; o < unitTo; o++) {
                for (int i = inputFrom; i < end; i += LANES) {
                    gradient1x1(dz, x, xOffset, first, chunk, inputs, units, g, weights, o, i, addChunk);
                }
            }
            for (int o = unitFrom; o < unitTo; o++) {
                gradientTail(dz, x, xOffset, first, chunk, inputs, units, g, weights, o, end, inputTo, addChunk);
                if (bias >= 0 && inputFrom == 0) {
                    float sum = 0f;
                    for (int s = first; s < first + chunk; s++) {
                        sum += dz[s * units + o];
                    }
                    g[bias + o] = addChunk ? g[bias + o] + sum : sum;
                }
            }
        }
    }

    /**
     * Packs the output gradients of rows {@code first..first+chunk-1}, units {@code [unitFrom, unitTo)} (whole groups)
     * into {@code d}: unit {@code o} of row {@code s} at {@code (o - unitFrom) * chunk + s * GROUP + o % GROUP}, so that
     * each group's gradients lie row after row.
     */
    private static void packGradients(
            float[] dz, int first, int chunk, int units, int unitFrom, int unitTo, float[] d) {
        for (int o = unitFrom; o < unitTo; o += GROUP) {
            int at = (o - unitFrom) * chunk;
            for (int s = 0, row = first * units + o; s < chunk; s++, row += units, at += GROUP) {
                d[at] = dz[row];
                d[at + 1] = dz[row + 1];
                d[at + 2] = dz[row + 2];
                d[at + 3] = dz[row + 3];
            }
        }
    }

    /**
     * Packs {@code vectors} input vectors from {@code inputFrom} of {@code chunk} rows (from {@code x[row]}, {@code
     * inputs} apart) into {@code xs}: vector {@code v} of row {@code s} at {@code (v * chunk + s) * LANES}.
     */
    private static void packInputs(float[] x, int row, int chunk, int inputs, int inputFrom, int vectors, float[] xs) {
        for (int v = 0, at = 0; v < vectors; v++) {
            for (int s = 0, from = row + inputFrom + v * LANES; s < chunk; s++, from += inputs, at += LANES) {
                FloatVector.fromArray(SPECIES, x, from).intoArray(xs, at);
            }
        }
    }

    /**
     * The 4 units packed in {@code d} from {@code dAt} x the two input vectors packed in {@code xs} from {@code xAt}
     * and {@code chunk} rows later: 8 sums over the rows of broadcast output gradients times input vectors, then added
     * to the gradient rows at {@code g[ga]}, {@code inputs} apart.
     */
    private static void gradient4x2(
            float[] d, int dAt, float[] xs, int xAt, int chunk, int inputs, float[] g, int ga, boolean add) {
        FloatVector aa = FloatVector.zero(SPECIES), ab = aa;
        FloatVector ba = aa, bb = aa;
        FloatVector ca = aa, cb = aa;
        FloatVector da = aa, db = aa;
        int xBt = xAt + chunk * LANES;
        for (int s = 0; s < chunk; s++) {
            FloatVector xa = FloatVector.fromArray(SPECIES, xs, xAt + s * LANES);
            FloatVector xb = FloatVector.fromArray(SPECIES, xs, xBt + s * LANES);
            FloatVector u = FloatVector.broadcast(SPECIES, d[dAt + s * GROUP]);
            aa = u.fma(xa, aa);
            ab = u.fma(xb, ab);
            u = FloatVector.broadcast(SPECIES, d[dAt + s * GROUP + 1]);
            ba = u.fma(xa, ba);
            bb = u.fma(xb, bb);
            u = FloatVector.broadcast(SPECIES, d[dAt + s * GROUP + 2]);
            ca = u.fma(xa, ca);
            cb = u.fma(xb, cb);
            u = FloatVector.broadcast(SPECIES, d[dAt + s * GROUP + 3]);
            da = u.fma(xa, da);
            db = u.fma(xb, db);
        }
        int gb = ga + inputs, gc = gb + inputs, gd = gc + inputs;
        // added here, not in a helper taking the vector: C2 (JDK 25) at times left such a helper out of line, and
        // a vector passed to a method that is not inlined is boxed, an allocation on every call
        if (add) {
            aa = FloatVector.fromArray(SPECIES, g, ga).add(aa);
            ab = FloatVector.fromArray(SPECIES, g, ga + LANES).add(ab);
            ba = FloatVector.fromArray(SPECIES, g, gb).add(ba);
            bb = FloatVector.fromArray(SPECIES, g, gb + LANES).add(bb);
            ca = FloatVector.fromArray(SPECIES, g, gc).add(ca);
            cb = FloatVector.fromArray(SPECIES, g, gc + LANES).add(cb);
            da = FloatVector.fromArray(SPECIES, g, gd).add(da);
            db = FloatVector.fromArray(SPECIES, g, gd + LANES).add(db);
        }
        aa.intoArray(g, ga);
        ab.intoArray(g, ga + LANES);
        ba.intoArray(g, gb);
        bb.intoArray(g, gb + LANES);
        ca.intoArray(g, gc);
        cb.intoArray(g, gc + LANES);
        da.intoArray(g, gd);
        db.intoArray(g, gd + LANES);
    }

    /** As {@link #gradient4x2} for one input vector: the odd vector at the end of a tile. */
    private static void gradient4x1(
            float[] d, int dAt, float[] xs, int xAt, int chunk, int inputs, float[] g, int ga, boolean add) {
        FloatVector a = FloatVector.zero(SPECIES), b = a, c = a, e = a;
        for (int s = 0; s < chunk; s++) {
            FloatVector xv = FloatVector.fromArray(SPECIES, xs, xAt + s * LANES);
            a = FloatVector.broadcast(SPECIES, d[dAt + s * GROUP]).fma(xv, a);
            b = FloatVector.broadcast(SPECIES, d[dAt + s * GROUP + 1]).fma(xv, b);
            c = FloatVector.broadcast(SPECIES, d[dAt + s * GROUP + 2]).fma(xv, c);
            e = FloatVector.broadcast(SPECIES, d[dAt + s * GROUP + 3]).fma(xv, e);
        }
        int gb = ga + inputs, gc = gb + inputs, gd = gc + inputs;
        if (add) {
            a = FloatVector.fromArray(SPECIES, g, ga).add(a);
            b = FloatVector.fromArray(SPECIES, g, gb).add(b);
            c = FloatVector.fromArray(SPECIES, g, gc).add(c);
            e = FloatVector.fromArray(SPECIES, g, gd).add(e);
        }
        a.intoArray(g, ga);
        b.intoArray(g, gb);
        c.intoArray(g, gc);
        e.intoArray(g, gd);
    }

    /** Unit {@code o} x the vector at input {@code i}, over rows {@code first..first+chunk-1}: units left over. */
    private static void gradient1x1(
            float[] dz,
            float[] x,
            int xOffset,
            int first,
            int chunk,
            int inputs,
            int units,
            float[] g,
            int weights,
            int o,
            int i,
            boolean add) {
        FloatVector a = FloatVector.zero(SPECIES);
        int xi = xOffset + first * inputs + i, di = first * units + o;
        for (int s = 0; s < chunk; s++, xi += inputs, di += units) {
            a = FloatVector.broadcast(SPECIES, dz[di]).fma(FloatVector.fromArray(SPECIES, x, xi), a);
        }
        int at = weights + o * inputs + i;
        if (add) {
            a = FloatVector.fromArray(SPECIES, g, at).add(a);
        }
        a.intoArray(g, at);
    }

    /** Unit {@code o}, inputs {@code [from, to)} that fill no vector: one element at a time. */
    private static void gradientTail(
            float[] dz,
            float[] x,
            int xOffset,
            int first,
            int chunk,
            int inputs,
            int units,
            float[] g,
            int weights,
            int o,
            int from,
            int to,
            boolean add) {
        int row = weights + o * inputs;
        for (int i = from; i < to; i++) {
            float sum = 0f;
            for (int s = first; s < first + chunk; s++) {
                sum = Math.fma(dz[s * units + o], x[xOffset + s * inputs + i], sum);
            }
            g[row + i] = add ? g[row + i] + sum : sum;
        }
    }

    /** One thread's packing buffers. */
    private static final class Buffers {
        private float[] gradients = new float[0];
        private float[] inputs = new float[0];

        float[] gradients(int length) {
            if (gradients.length < length) {
                gradients = new float[length];
            }
            return gradients;
        }

        float[] inputs(int length) {
            if (inputs.length < length) {
                inputs = new float[length];
            }
            return inputs;
        }
    }
}
