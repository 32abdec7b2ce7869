package dev.netc.runtime.reference;

import static dev.netc.runtime.reference.Networks.dense;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What {@link ReferenceNetwork} promises besides its numbers: layout, copies, L2, no dropout without a seed (see
 * {@link ReferenceDropoutTest} for it with one) and float parameters.
 */
class ReferenceNetworkTest {

    private static final double[][] BATCH = {{0.5, -1.0}, {2.0, 0.25}, {-0.75, 1.5}};
    private static final double[][] TARGETS = {{1.0}, {-0.5}, {0.25}};

    /** input 2 -> hidden 3 (tanh) -> out 1 (linear), mean squared error, with the given hidden attributes. */
    private static CheckedNetwork twoLayers(double l2, double dropout) {
        DenseSpec hidden = new DenseSpec(
                "hidden",
                List.of(InputSpec.NAME),
                3,
                Activation.TANH,
                Init.GLOROT_UNIFORM,
                true,
                l2,
                dropout,
                Positions.NONE);
        return Networks.graph(
                Loss.MEAN_SQUARED_ERROR, 2, List.of(hidden, dense("out", "hidden", 1, Activation.LINEAR)));
    }

    private static double[] parameters(CheckedNetwork network) {
        return Networks.randomParameters(network, new Random(7));
    }

    @Test
    void computesADenseLayerAsXTimesWTransposedPlusB() {
        // W = [[1, 2], [3, 4], [5, 6]] row-major, b = [0.5, -0.5, 1]: the layout's order.
        CheckedNetwork network =
                Networks.graph(Loss.MEAN_SQUARED_ERROR, 2, List.of(dense("out", InputSpec.NAME, 3, Activation.LINEAR)));
        double[] parameters = {1, 2, 3, 4, 5, 6, 0.5, -0.5, 1};
        double[][] output = new ReferenceNetwork(network, parameters).forward(new double[][] {{1, 10}});
        assertArrayEquals(new double[] {21.5, 42.5, 66}, output[0]);
    }

    @Test
    void addsTheL2PenaltyToTheLoss() {
        double l2 = 0.05;
        double[] parameters = parameters(twoLayers(0, 0));
        double without = new ReferenceNetwork(twoLayers(0, 0), parameters).loss(BATCH, TARGETS);
        double with = new ReferenceNetwork(twoLayers(l2, 0), parameters).loss(BATCH, TARGETS);
        double sumOfSquares = 0;
        for (int i = 0; i < 6; i++) { // hidden's weights come first
            sumOfSquares += parameters[i] * parameters[i];
        }
        assertEquals(without + l2 * sumOfSquares, with, 1e-15);
    }

    @Test
    void withoutASeedIgnoresDropout() {
        double[] parameters = parameters(twoLayers(0, 0));
        ReferenceNetwork plain = new ReferenceNetwork(twoLayers(0, 0), parameters);
        ReferenceNetwork dropped = new ReferenceNetwork(twoLayers(0, 0.5), parameters);
        assertArrayEquals(plain.forward(BATCH), dropped.forward(BATCH));
        assertEquals(plain.loss(BATCH, TARGETS), dropped.loss(BATCH, TARGETS));
        assertArrayEquals(plain.backward(BATCH, TARGETS), dropped.backward(BATCH, TARGETS));
    }

    @Test
    void floatParametersAreWidenedExactly() {
        CheckedNetwork network = twoLayers(0, 0);
        double[] wide = parameters(network);
        float[] narrow = new float[wide.length];
        double[] widened = new double[wide.length];
        for (int i = 0; i < wide.length; i++) {
            narrow[i] = (float) wide[i];
            widened[i] = narrow[i];
        }
        assertArrayEquals(
                new ReferenceNetwork(network, widened).forward(BATCH),
                new ReferenceNetwork(network, narrow).forward(BATCH));
    }

    @Test
    void copiesItsParametersInAndOut() {
        CheckedNetwork network = twoLayers(0, 0);
        double[] parameters = parameters(network);
        ReferenceNetwork reference = new ReferenceNetwork(network, parameters);
        double[][] before = reference.forward(BATCH);
        parameters[0] += 1;
        reference.parameters()[1] += 1;
        assertArrayEquals(before, reference.forward(BATCH));
        assertNotEquals(before[0][0], reference.withParameters(parameters).forward(BATCH)[0][0]);
    }

    @Test
    void leavesItsArgumentsUnchanged() {
        CheckedNetwork network = twoLayers(0.01, 0);
        ReferenceNetwork reference = new ReferenceNetwork(network, parameters(network));
        double[][] batch = {BATCH[0].clone(), BATCH[1].clone(), BATCH[2].clone()};
        double[][] targets = {TARGETS[0].clone(), TARGETS[1].clone(), TARGETS[2].clone()};
        reference.backward(batch, targets);
        assertArrayEquals(BATCH, batch);
        assertArrayEquals(TARGETS, targets);
    }

    @Test
    void aLayerWithoutBiasTakesNoBiasParameters() {
        CheckedNetwork network = Networks.graph(
                Loss.MEAN_SQUARED_ERROR, 2, List.of(dense("out", InputSpec.NAME, 2, Activation.LINEAR, false, 0)));
        double[] gradient = new ReferenceNetwork(network, new double[] {1, 0, 0, 1})
                .backward(new double[][] {{1, 2}}, new double[][] {{0, 0}});
        // L = ((x0)^2 + (x1)^2) / 2 with W = I: dL/dW[i][j] = y_i x_j = x_i x_j.
        assertArrayEquals(new double[] {1, 2, 2, 4}, gradient);
    }
}
