package dev.netc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationsTest {

    private static final float[] POINTS = {-100f, -20f, -3.5f, -1f, -0.25f, 0f, 0.25f, 1f, 3.5f, 20f, 100f};

    @Test
    void sigmoidIsStableAndAccurateEverywhere() {
        for (float z : POINTS) {
            double exact = 1.0 / (1.0 + StrictMath.exp(-(double) z));
            assertEquals(exact, Activations.sigmoid(z), 1e-7 * exact + 1e-45, "sigmoid(" + z + ")");
        }
        assertEquals(0f, Activations.sigmoid(-200f));
        assertEquals(1f, Activations.sigmoid(200f));
    }

    @Test
    void softplusNeverOverflowsNorUnderflowsToZero() {
        assertEquals(1000f, Activations.softplus(1000f));
        assertEquals((float) StrictMath.exp(-50.0), Activations.softplus(-50f), 1e-28);
        assertEquals((float) StrictMath.log(2.0), Activations.softplus(0f));
    }

    @Test
    void reluDerivativeIsOneForEveryPositiveOutputAndZeroAtZero() {
        assertEquals(0f, Activations.reluDerivative(0f));
        for (float a : new float[] {
            Float.MIN_VALUE,
            3 * Float.MIN_VALUE,
            Float.MIN_NORMAL,
            1e-30f,
            0.5f,
            1f,
            2f,
            1e30f,
            Float.MAX_VALUE,
            Float.POSITIVE_INFINITY
        }) {
            assertEquals(1f, Activations.reluDerivative(a), "at " + a);
        }
        // every float from 0 up to 1e-30 step by step in bits, where the scalings matter
        for (int bits = 1; bits < Float.floatToRawIntBits(1e-30f); bits += 4_099) {
            assertEquals(1f, Activations.reluDerivative(Float.intBitsToFloat(bits)), "at bits " + bits);
        }
    }

    @Test
    void eluUsesExpm1BelowZero() {
        assertEquals(2f, Activations.elu(2f));
        assertEquals((float) StrictMath.expm1(-1e-6), Activations.elu(-1e-6f));
        assertEquals(-1f, Activations.elu(-50f), 1e-7);
    }

    @Test
    void geluMatchesItsTabulatedValuesAndItsDerivativeMatchesDifferences() {
        // z * Phi(z) from the normal CDF: Phi(1) = 0.8413447460685429, Phi(-2) = 0.022750131948179195
        assertEquals(0.8413447460685429, Activations.gelu(1f), 1e-7);
        assertEquals(-2 * 0.022750131948179195, Activations.gelu(-2f), 1e-8);
        for (float z : new float[] {-3f, -1f, -0.1f, 0.5f, 2f}) {
            double h = 1e-3;
            double slope = (Activations.gelu((float) (z + h)) - Activations.gelu((float) (z - h))) / (2 * h);
            assertEquals(slope, Activations.geluDerivative(z), 2e-4, "gelu'(" + z + ")");
        }
    }

    @Test
    void softmaxSubtractsTheMaximum() {
        float[] z = {1000f, 1001f, 999f};
        float[] p = new float[3];

        Activations.softmax(z, p, 3);

        double e0 = StrictMath.exp(-1), e2 = StrictMath.exp(-2);
        double sum = e0 + 1 + e2;
        assertEquals(e0 / sum, p[0], 1e-7);
        assertEquals(1 / sum, p[1], 1e-7);
        assertEquals(e2 / sum, p[2], 1e-7);
        assertEquals(1001 + StrictMath.log(sum), Activations.logSumExp(z, 3), 1e-9);
    }

    @Test
    void softmaxWorksInPlaceOnAPrefix() {
        float[] z = {0f, 0f, 42f};

        Activations.softmax(z, z, 2);

        assertEquals(0.5f, z[0]);
        assertEquals(0.5f, z[1]);
        assertEquals(42f, z[2]);
    }

    @Test
    void softmaxBackwardIsTheJacobianProduct() {
        float[] a = {0.2f, 0.3f, 0.5f};
        float[] d = {1f, -2f, 0.5f};
        double dot = 0.2 - 0.6 + 0.25;

        Activations.softmaxBackward(a, d, 3);

        assertEquals(0.2 * (1 - dot), d[0], 1e-7);
        assertEquals(0.3 * (-2 - dot), d[1], 1e-7);
        assertEquals(0.5 * (0.5 - dot), d[2], 1e-7);
        assertTrue(Math.abs(d[0] + d[1] + d[2]) < 1e-7, "softmax gradients sum to zero");
    }

    @Test
    void tanhIsTheHyperbolicTangent() {
        for (float z : POINTS) {
            assertEquals((float) StrictMath.tanh(z), Activations.tanh(z), 1e-7f, "tanh(" + z + ")");
        }
    }
}
