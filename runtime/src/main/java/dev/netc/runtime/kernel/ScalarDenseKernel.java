package dev.netc.runtime.kernel;

import java.util.Arrays;

/**
 * The dense products in plain Java, for JVMs started without {@code --add-modules jdk.incubator.vector}. HotSpot never
 * vectorises a float dot product (its order must be kept), so the forward pass keeps eight independent dot products
 * in flight (4 rows x 2 units) and reuses each loaded weight across four rows. The two backward products are written as
 * row updates ({@code g[i] = g[i] + d0 * x0[i] + d1 * x1[i] + ...}) with four terms per pass, so that each element
 * loaded and stored carries four multiply-adds. HotSpot's superword pass could vectorise such updates, but JDK 17
 * cannot rule out that the two float arrays are one, and gains little (measured on the digits network's first layer at
 * 32 rows, one Zen 3 core: 8 GFLOP/s forward, 9 gradient, 7 input gradient; 7.6 gradient with {@code
 * -XX:-UseSuperWord}; plain loops reach 4 to 5).
 *
 * <p>Per output element the order is fixed: forward and input gradient sum their terms in ascending order from zero;
 * the parameter gradient adds the rows' terms to {@code g} one after the other in ascending row order. Blocks at the
 * edges repeat a valid unit, or go through narrower code that does the same operations per element, so every element
 * goes through the same sequence wherever it lies.
 */
final class ScalarDenseKernel implements DenseKernel {

    /** Input tiles need no alignment here; this keeps them a whole number of cache lines. */
    private static final int GRANULARITY = 16;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int inputTileGranularity() {
        return GRANULARITY;
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
        for (int o = unitFrom; o < unitTo; o += 2) {
            int oa = o, ob = Math.min(o + 1, unitTo - 1);
            int wa = weights + oa * inputs, wb = weights + ob * inputs;
            float ba = bias < 0 ? 0f : p[bias + oa], bb = bias < 0 ? 0f : p[bias + ob];
            int s = rowFrom;
            for (; s + 4 <= rowTo; s += 4) {
                int x0 = xOffset + s * inputs, x1 = x0 + inputs, x2 = x1 + inputs, x3 = x2 + inputs;
                float s0a = 0f, s0b = 0f, s1a = 0f, s1b = 0f, s2a = 0f, s2b = 0f, s3a = 0f, s3b = 0f;
                for (int i = 0; i < inputs; i++) {
                    float va = p[wa + i], vb = p[wb + i];
                    float v0 = x[x0 + i], v1 = x[x1 + i], v2 = x[x2 + i], v3 = x[x3 + i];
                    s0a += va * v0;
                    s0b += vb * v0;
                    s1a += va * v1;
                    s1b += vb * v1;
                    s2a += va * v2;
                    s2b += vb * v2;
                    s3a += va * v3;
                    s3b += vb * v3;
                }
                int z0 = s * units;
                z[z0 + oa] = ba + s0a;
                z[z0 + ob] = bb + s0b;
                z[z0 + units + oa] = ba + s1a;
                z[z0 + units + ob] = bb + s1b;
                z[z0 + 2 * units + oa] = ba + s2a;
                z[z0 + 2 * units + ob] = bb + s2b;
                z[z0 + 3 * units + oa] = ba + s3a;
                z[z0 + 3 * units + ob] = bb + s3b;
            }
            for (; s < rowTo; s++) {
                int x0 = xOffset + s * inputs;
                float sa = 0f, sb = 0f;
                for (int i = 0; i < inputs; i++) {
                    float v = x[x0 + i];
                    sa += p[wa + i] * v;
                    sb += p[wb + i] * v;
                }
                z[s * units + oa] = ba + sa;
                z[s * units + ob] = bb + sb;
            }
        }
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
        for (int o = unitFrom; o < unitTo; o++) {
            int row = weights + o * inputs;
            if (!add) {
                Arrays.fill(g, row + inputFrom, row + inputTo, 0f);
                if (bias >= 0 && inputFrom == 0) {
                    g[bias + o] = 0f;
                }
            }
            int s = 0;
            for (; s + 4 <= rows; s += 4) {
                float d0 = dz[s * units + o], d1 = dz[(s + 1) * units + o];
                float d2 = dz[(s + 2) * units + o], d3 = dz[(s + 3) * units + o];
                int x0 = xOffset + s * inputs, x1 = x0 + inputs, x2 = x1 + inputs, x3 = x2 + inputs;
                for (int i = inputFrom; i < inputTo; i++) {
                    g[row + i] = g[row + i] + d0 * x[x0 + i] + d1 * x[x1 + i] + d2 * x[x2 + i] + d3 * x[x3 + i];
                }
            }
            for (; s < rows; s++) {
                float d = dz[s * units + o];
                int x0 = xOffset + s * inputs;
                for (int i = inputFrom; i < inputTo; i++) {
                    g[row + i] += d * x[x0 + i];
                }
            }
            if (bias >= 0 && inputFrom == 0) {
                float sum = 0f;
                for (s = 0; s < rows; s++) {
                    sum += dz[s * units + o];
                }
                g[bias + o] += sum;
            }
        }
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
        int s = rowFrom;
        for (; s + 2 <= rowTo; s += 2) {
            int da = s * units, db = da + units;
            int xa = s * inputs, xb = xa + inputs;
            Arrays.fill(dx, xa + inputFrom, xa + inputTo, 0f);
            Arrays.fill(dx, xb + inputFrom, xb + inputTo, 0f);
            int o = 0;
            for (; o + 4 <= units; o += 4) {
                float a0 = dz[da + o], a1 = dz[da + o + 1], a2 = dz[da + o + 2], a3 = dz[da + o + 3];
                float b0 = dz[db + o], b1 = dz[db + o + 1], b2 = dz[db + o + 2], b3 = dz[db + o + 3];
                int w0 = weights + o * inputs, w1 = w0 + inputs, w2 = w1 + inputs, w3 = w2 + inputs;
                for (int i = inputFrom; i < inputTo; i++) {
                    float v0 = p[w0 + i], v1 = p[w1 + i], v2 = p[w2 + i], v3 = p[w3 + i];
                    dx[xa + i] = dx[xa + i] + a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
                    dx[xb + i] = dx[xb + i] + b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
                }
            }
            for (; o < units; o++) {
                float a = dz[da + o], b = dz[db + o];
                int w = weights + o * inputs;
                for (int i = inputFrom; i < inputTo; i++) {
                    float v = p[w + i];
                    dx[xa + i] += a * v;
                    dx[xb + i] += b * v;
                }
            }
        }
        for (; s < rowTo; s++) {
            int da = s * units, xa = s * inputs;
            Arrays.fill(dx, xa + inputFrom, xa + inputTo, 0f);
            int o = 0;
            for (; o + 4 <= units; o += 4) {
                float a0 = dz[da + o], a1 = dz[da + o + 1], a2 = dz[da + o + 2], a3 = dz[da + o + 3];
                int w0 = weights + o * inputs, w1 = w0 + inputs, w2 = w1 + inputs, w3 = w2 + inputs;
                for (int i = inputFrom; i < inputTo; i++) {
                    dx[xa + i] = dx[xa + i] + a0 * p[w0 + i] + a1 * p[w1 + i] + a2 * p[w2 + i] + a3 * p[w3 + i];
                }
            }
            for (; o < units; o++) {
                float a = dz[da + o];
                int w = weights + o * inputs;
                for (int i = inputFrom; i < inputTo; i++) {
                    dx[xa + i] += a * p[w + i];
                }
            }
        }
    }
}
