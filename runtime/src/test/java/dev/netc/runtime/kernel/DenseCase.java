package dev.netc.runtime.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One dense block with random contents: parameters with the layer's weights and bias at offsets inside a larger
 * array, an input block at an offset, output gradients, and gradients already holding values (the kernels add to
 * them). Checks each kernel's output against the product in double, within {@value #RELATIVE} of the sum of the terms'
 * magnitudes.
 */
record DenseCase(int rows, int inputs, int units, boolean hasBias, int xOffset, long seed) {

    /** The agreement asked of every kernel, relative to the sum of the magnitudes of the terms of each element. */
    static final double RELATIVE = 1e-5;

    private static final int[] EDGE_SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 48, 49};

    int weights() {
        return 3;
    }

    int bias() {
        return hasBias ? weights() + units * inputs + 2 : -1;
    }

    float[] parameters() {
        return random(weights() + units * inputs + units + 5, 1);
    }

    float[] x() {
        return random(xOffset + rows * inputs + 3, 2);
    }

    float[] dz() {
        return random(rows * units, 3);
    }

    float[] gradients() {
        return random(weights() + units * inputs + units + 5, 4);
    }

    private float[] random(int length, int stream) {
        Random random = new Random(seed * 31 + stream);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** Forward into a fresh array. */
    float[] forward(TiledDense kernels) {
        float[] z = new float[rows * units];
        kernels.forward(parameters(), weights(), bias(), inputs, units, x(), xOffset, rows, z);
        return z;
    }

    /** The parameter gradient added to {@link #gradients()}, or written over them. */
    float[] gradient(TiledDense kernels, boolean add) {
        float[] g = gradients();
        kernels.gradient(dz(), x(), xOffset, rows, inputs, units, g, weights(), bias(), add);
        return g;
    }

    /** The input gradient into a fresh array. */
    float[] inputGradient(TiledDense kernels) {
        float[] dx = new float[rows * inputs];
        kernels.inputGradient(parameters(), weights(), inputs, units, dz(), rows, dx);
        return dx;
    }

    /** {@link #forward}, checked against the double product. */
    float[] checkForward(TiledDense kernels) {
        float[] p = parameters(), x = x();
        float[] z = forward(kernels);
        for (int s = 0; s < rows; s++) {
            for (int o = 0; o < units; o++) {
                double exact = hasBias ? p[bias() + o] : 0, scale = Math.abs(exact);
                for (int i = 0; i < inputs; i++) {
                    double term = (double) p[weights() + o * inputs + i] * x[xOffset + s * inputs + i];
                    exact += term;
                    scale += Math.abs(term);
                }
                check("z", s * units + o, z[s * units + o], exact, scale);
            }
        }
        return z;
    }

    /**
     * {@link #gradient}, written over the gradient array and added to it, each checked against the double sums (the
     * rest of the array must be unchanged); returns the added one.
     */
    float[] checkGradient(TiledDense kernels) {
        checkGradient(kernels, false);
        return checkGradient(kernels, true);
    }

    private float[] checkGradient(TiledDense kernels, boolean add) {
        float[] dz = dz(), x = x(), g = gradient(kernels, add), before = gradients();
        for (int o = 0; o < units; o++) {
            for (int i = 0; i < inputs; i++) {
                int at = weights() + o * inputs + i;
                double exact = add ? before[at] : 0, scale = Math.abs(exact);
                for (int s = 0; s < rows; s++) {
                    double term = (double) dz[s * units + o] * x[xOffset + s * inputs + i];
                    exact += term;
                    scale += Math.abs(term);
                }
                check("g", at, g[at], exact, scale);
            }
        }
        for (int at = 0; at < g.length; at++) {
            boolean weight = at >= weights() && at < weights() + units * inputs;
            boolean bias = hasBias && at >= bias() && at < bias() + units;
            if (bias) {
                double exact = add ? before[at] : 0, scale = Math.abs(exact);
                for (int s = 0; s < rows; s++) {
                    exact += dz[s * units + at - bias()];
                    scale += Math.abs(dz[s * units + at - bias()]);
                }
                check("bias gradient", at, g[at], exact, scale);
            } else if (!weight && g[at] != before[at]) {
                fail(this + ": g[" + at + "] outside the layer changed from " + before[at] + " to " + g[at]);
            }
        }
        return g;
    }

    /** {@link #inputGradient}, checked against the double product. */
    float[] checkInputGradient(TiledDense kernels) {
        float[] p = parameters(), dz = dz();
        float[] dx = inputGradient(kernels);
        for (int s = 0; s < rows; s++) {
            for (int i = 0; i < inputs; i++) {
                double exact = 0, scale = 0;
                for (int o = 0; o < units; o++) {
                    double term = (double) dz[s * units + o] * p[weights() + o * inputs + i];
                    exact += term;
                    scale += Math.abs(term);
                }
                check("dx", s * inputs + i, dx[s * inputs + i], exact, scale);
            }
        }
        return dx;
    }

    private void check(String what, int at, float found, double exact, double scale) {
        if (!(Math.abs(found - exact) <= RELATIVE * scale + Float.MIN_VALUE)) {
            fail(String.format(
                    Locale.ROOT,
                    "%s: %s[%d] expected %.9g (terms' magnitude %.3g) but was %.9g",
                    this,
                    what,
                    at,
                    exact,
                    scale,
                    found));
        }
    }

    /**
     * {@code count} cases from {@code seed}: sizes at and next to the vector widths of 4, 8 and 16 lanes and odd
     * ones, 1 to 70 rows, with and without bias, input blocks at offsets; the first is the 1 x 1 x 1 block.
     */
    static List<DenseCase> random(int count, long seed) {
        Random random = new Random(seed);
        List<DenseCase> cases = new ArrayList<>();
        cases.add(new DenseCase(1, 1, 1, true, 0, seed));
        while (cases.size() < count) {
            int rows = random.nextBoolean() ? 1 + random.nextInt(70) : 1 + random.nextInt(9);
            cases.add(new DenseCase(
                    rows, size(random), size(random), random.nextBoolean(), random.nextInt(6), random.nextLong()));
        }
        return cases;
    }

    private static int size(Random random) {
        return random.nextInt(3) == 0 ? 1 + random.nextInt(150) : EDGE_SIZES[random.nextInt(EDGE_SIZES.length)];
    }
}
