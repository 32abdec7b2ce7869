package dev.netc.runtime.reference;

import static dev.netc.runtime.reference.Networks.dense;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.InputSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Misuse of {@link ReferenceNetwork} fails at once, saying what was expected and what was found. */
class ReferenceNetworkErrorsTest {

    /** input 2 -> out 3, with the given loss and output activation: 9 parameters. */
    private static CheckedNetwork network(Loss loss, Activation output) {
        return Networks.graph(loss, 2, List.of(dense("out", InputSpec.NAME, 3, output)));
    }

    private static ReferenceNetwork classifier() {
        return new ReferenceNetwork(network(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Activation.SOFTMAX), new double[9]);
    }

    private static void assertMessage(String expected, Executable executable) {
        assertEquals(
                expected,
                assertThrows(IllegalArgumentException.class, executable).getMessage());
    }

    @Test
    void wrongNumberOfParameters() {
        assertMessage(
                "network TestNet: expected 9 parameters, found 8",
                () -> new ReferenceNetwork(network(Loss.MEAN_SQUARED_ERROR, Activation.LINEAR), new double[8]));
    }

    @Test
    void lossThatCannotBeComputedOnTheOutput() {
        assertMessage(
                "loss binary_crossentropy needs a sigmoid output, found linear",
                () -> new ReferenceNetwork(network(Loss.BINARY_CROSSENTROPY, Activation.LINEAR), new double[9]));
        assertMessage(
                "loss categorical_crossentropy needs a softmax or linear (logits) output, found sigmoid",
                () -> new ReferenceNetwork(network(Loss.CATEGORICAL_CROSSENTROPY, Activation.SIGMOID), new double[9]));
    }

    @Test
    void emptyOrRaggedBatch() {
        assertMessage("batch: expected at least one row, found none", () -> classifier()
                .forward(new double[0][]));
        assertMessage("batch row 1: expected 2 values, found 3", () -> classifier()
                .forward(new double[][] {{1, 2}, {1, 2, 3}}));
    }

    @Test
    void targetsOfTheWrongShape() {
        double[][] batch = {{1, 2}, {3, 4}};
        assertMessage("targets: expected 2 rows (one per sample), found 1", () -> classifier()
                .loss(batch, new double[][] {{0}}));
        assertMessage("targets row 0: expected 1 values, found 3", () -> classifier()
                .backward(batch, new double[][] {{0, 1, 0}, {1, 0, 0}}));
    }

    @Test
    void sparseTargetsThatAreNotClassIndices() {
        double[][] batch = {{1, 2}, {3, 4}};
        assertMessage("target row 1: expected a class index from 0 to 2, found 3.0", () -> classifier()
                .loss(batch, new double[][] {{0}, {3}}));
        assertMessage("target row 0: expected a class index from 0 to 2, found 0.5", () -> classifier()
                .loss(batch, new double[][] {{0.5}, {1}}));
        assertMessage("target row 0: expected a class index from 0 to 2, found NaN", () -> classifier()
                .backward(batch, new double[][] {{Double.NaN}, {1}}));
    }

    @Test
    void finiteDifferenceStepMustBePositive() {
        assertMessage(
                "step: expected a positive finite number, found 0.0",
                () -> FiniteDifferences.gradient(classifier(), new double[][] {{1, 2}}, new double[][] {{0}}, 0));
    }
}
