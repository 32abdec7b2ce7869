package dev.netc.runtime.reference;

import static dev.netc.runtime.reference.Networks.dense;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.InputSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FiniteDifferences} and {@link ReferenceNetwork#backward} on a network small enough to differentiate by hand,
 * so that the two are each checked against algebra and not only against each other.
 */
class FiniteDifferencesTest {

    /** {@code y = w x + b}, mean squared error over three samples. */
    private static final CheckedNetwork LINE =
            Networks.graph(Loss.MEAN_SQUARED_ERROR, 1, List.of(dense("out", InputSpec.NAME, 1, Activation.LINEAR)));

    private static final double[][] X = {{1}, {2}, {-3}};
    private static final double[][] T = {{0.5}, {1}, {2}};

    /** {@code dL/dw = 2/n sum((w x + b - t) x)}, {@code dL/db = 2/n sum(w x + b - t)}. */
    private static double[] byHand(double w, double b) {
        double dw = 0;
        double db = 0;
        for (int i = 0; i < X.length; i++) {
            double residual = w * X[i][0] + b - T[i][0];
            dw += 2 * residual * X[i][0] / X.length;
            db += 2 * residual / X.length;
        }
        return new double[] {dw, db};
    }

    @Test
    void bothAgreeWithTheDerivativeByHand() {
        ReferenceNetwork line = new ReferenceNetwork(LINE, new double[] {0.75, -0.25});
        double[] expected = byHand(0.75, -0.25);
        assertArrayEquals(expected, line.backward(X, T), 1e-15);
        // The loss is quadratic, so the central difference is exact but for rounding: about 1e-16 * loss / step.
        assertArrayEquals(expected, FiniteDifferences.gradient(line, X, T), 1e-7);
    }

    @Test
    void leavesTheNetworkUnchanged() {
        ReferenceNetwork line = new ReferenceNetwork(LINE, new double[] {0.75, -0.25});
        FiniteDifferences.gradient(line, X, T, 1e-3);
        assertArrayEquals(new double[] {0.75, -0.25}, line.parameters());
        assertEquals(FiniteDifferences.DEFAULT_STEP, 1e-6);
    }
}
