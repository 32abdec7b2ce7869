package dev.netc.runtime.reference;

import static dev.netc.runtime.reference.Networks.dense;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.InputSpec;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Extreme inputs: softmax of logits up to +-1e4 stays finite and normalised, and every loss stays finite (with a
 * finite gradient) when the output probabilities round to exactly 0 or 1, because the cross-entropies are computed
 * from logits. Also PyTorch's choices at the kinks, which finite differences cannot see.
 */
class NumericStabilityTest {

    /** Logits of 1e4 times the input: input rows of +-1 and 0 give logits of +-1e4 and 0. */
    private static ReferenceNetwork scaledIdentity(Loss loss, Activation output) {
        CheckedNetwork network = Networks.graph(loss, 3, List.of(dense("out", InputSpec.NAME, 3, output, false, 0)));
        double[] parameters = new double[9];
        for (int i = 0; i < 3; i++) {
            parameters[i * 3 + i] = 1e4;
        }
        return new ReferenceNetwork(network, parameters);
    }

    private static final double[][] EXTREME = {{1, -1, 0}, {-1, -1, -1}, {1, 1, -1}, {0, 0, 0}};

    @Test
    void softmaxOfHugeLogitsIsFiniteAndSumsToOne() {
        double[][] output = scaledIdentity(Loss.CATEGORICAL_CROSSENTROPY, Activation.SOFTMAX)
                .forward(EXTREME);
        assertEquals(EXTREME.length, output.length);
        for (double[] row : output) {
            assertTrue(Arrays.stream(row).allMatch(p -> p >= 0 && p <= 1), Arrays.toString(row));
            assertEquals(1.0, Arrays.stream(row).sum(), 1e-15, Arrays.toString(row));
        }
        assertEquals(1.0, output[0][0], "logits 1e4, -1e4, 0");
        assertEquals(0.0, output[0][1], "logits 1e4, -1e4, 0");
        assertEquals(0.5, output[2][0], "logits 1e4, 1e4, -1e4");
    }

    @Test
    void categoricalLossIsFiniteWhenTheTargetClassHasProbabilityZero() {
        // Logits 1e4, -1e4, 0: the target class 1 has probability 0, the loss is its log-softmax, -2e4.
        double[][] batch = {{1, -1, 0}};
        for (Activation output : List.of(Activation.SOFTMAX, Activation.LINEAR)) {
            ReferenceNetwork dense = scaledIdentity(Loss.CATEGORICAL_CROSSENTROPY, output);
            ReferenceNetwork sparse = scaledIdentity(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, output);
            assertAll(
                    output.yamlName(),
                    () -> assertEquals(2e4, dense.loss(batch, new double[][] {{0, 1, 0}})),
                    () -> assertEquals(0.0, dense.loss(batch, new double[][] {{1, 0, 0}})),
                    () -> assertEquals(2e4, sparse.loss(batch, new double[][] {{1}})),
                    () -> assertFinite(dense.backward(batch, new double[][] {{0, 1, 0}})),
                    () -> assertFinite(sparse.backward(batch, new double[][] {{1}})));
        }
    }

    @Test
    void binaryLossIsFiniteWhenTheSigmoidSaturates() {
        ReferenceNetwork network = scaledIdentity(Loss.BINARY_CROSSENTROPY, Activation.SIGMOID);
        double[][] batch = {{1, -1, 0}};
        // Logits 1e4, -1e4, 0 give probabilities 1, 0, 0.5; against the labels 0, 1, 1 the loss is the mean of
        // 1e4, 1e4 and log 2.
        double[][] wrong = {{0, 1, 1}};
        assertArrayEquals(new double[] {1, 0, 0.5}, network.forward(batch)[0]);
        assertEquals((2e4 + Math.log(2)) / 3, network.loss(batch, wrong), 1e-12);
        assertFinite(network.backward(batch, wrong));
    }

    @Test
    void regressionLossesAreFiniteOnSaturatedOutputs() {
        double[][] batch = {{1, -1, 0}};
        double[][] targets = {{0, 1, 0.5}};
        for (Loss loss : List.of(Loss.MEAN_SQUARED_ERROR, Loss.MEAN_ABSOLUTE_ERROR)) {
            for (Activation output : Activation.values()) {
                ReferenceNetwork network = scaledIdentity(loss, output);
                String what = loss.yamlName() + " on " + output.yamlName();
                assertTrue(Double.isFinite(network.loss(batch, targets)), what);
                assertFinite(network.backward(batch, targets));
            }
        }
    }

    @Test
    void elementwiseActivationsNeverOverflow() {
        for (Activation activation : Activation.values()) {
            if (activation == Activation.SOFTMAX) {
                continue;
            }
            for (double z : new double[] {-1e4, -40, 40, 1e4}) {
                double a = Activations.apply(activation, z);
                double slope = Activations.derivative(activation, z, a);
                assertTrue(Double.isFinite(a) && Double.isFinite(slope), activation.yamlName() + "(" + z + ")");
            }
        }
        assertEquals(1e4, Activations.apply(Activation.SOFTPLUS, 1e4));
        assertEquals(0.0, Activations.apply(Activation.SIGMOID, -1e4));
    }

    @Test
    void derivativesAtTheKinksArePyTorchs() {
        assertEquals(0.0, Activations.derivative(Activation.RELU, 0.0, 0.0), "relu'(0)");
        assertEquals(0.01, Activations.derivative(Activation.LEAKY_RELU, 0.0, 0.0), "leaky_relu'(0)");
        assertEquals(1.0, Activations.derivative(Activation.ELU, 0.0, 0.0), "elu'(0)");
        assertEquals(0.5, Activations.derivative(Activation.GELU, 0.0, 0.0), "gelu'(0)");
    }

    @Test
    void softmaxBackwardOfAConstantGradientIsZero() {
        // Softmax is invariant to adding a constant to every logit, so a uniform upstream gradient cancels.
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1e4, -1e4, 0}, {3, 2, 1}});
        DMatrixRMaj a = Activations.forward(Activation.SOFTMAX, z);
        DMatrixRMaj ones = new DMatrixRMaj(new double[][] {{1, 1, 1}, {1, 1, 1}});
        DMatrixRMaj dZ = Activations.backward(Activation.SOFTMAX, z, a, ones);
        for (double value : dZ.data) {
            assertEquals(0.0, value, 1e-15);
        }
    }

    private static void assertFinite(double[] values) {
        assertTrue(Arrays.stream(values).allMatch(Double::isFinite), Arrays.toString(values));
    }
}
