package dev.netc.check;

import static dev.netc.check.TestNet.denseSpec;
import static dev.netc.check.TestNet.input;
import static dev.netc.check.TestNet.layer;
import static dev.netc.check.TestNet.network;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LossOutputRulesTest {

    private static final AtomicInteger REGRESSION_OUTPUTS = new AtomicInteger();
    private static final AtomicInteger FITTING = new AtomicInteger();
    private static final AtomicInteger MISFITTING = new AtomicInteger();

    @AfterAll
    static void everyCaseRan() {
        assertEquals(2 * Activation.values().length, REGRESSION_OUTPUTS.get());
        assertEquals(5, FITTING.get());
        assertEquals(7, MISFITTING.get());
    }

    private static TestNet netWith(int units, Activation activation, Loss loss) {
        return input(4).dense("hidden", 8, Activation.RELU)
                .dense("out", units, activation)
                .loss(loss);
    }

    @Test
    void rejectsSoftmaxOnAHiddenLayer() {
        input(4).dense("hidden", 8, Activation.SOFTMAX)
                .dense("out", 3, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSSENTROPY)
                .validate()
                .single(
                        DiagnosticCode.SOFTMAX_NOT_OUTPUT,
                        layer(0, DenseSpec.ACTIVATION),
                        "softmax is allowed only on the output layer, found on 'hidden'");
    }

    @Test
    void rejectsAMergeAsOutputWithoutLossNoise() {
        input(4).dense("a", 8, Activation.RELU)
                .dense("b", 8, Activation.RELU)
                .concat("both", "a", "b")
                .loss(Loss.BINARY_CROSSENTROPY)
                .classes("x", "y", "z")
                .validate()
                .single(
                        DiagnosticCode.OUTPUT_NOT_DENSE,
                        layer(2, "node"),
                        "the output layer 'both' is a concat; expected a dense layer");
    }

    @Test
    void rejectsDropoutOnTheOutputLayerAtItsRate() {
        input(4).dense("hidden", 8, Activation.RELU)
                .layer(denseSpec("out", 1, Activation.LINEAR, true, 0, 0.5))
                .validate()
                .single(
                        DiagnosticCode.DROPOUT_ON_OUTPUT,
                        layer(1, DenseSpec.DROPOUT),
                        "dropout on the output layer 'out' would drop the network's predictions in training; put it on"
                                + " a hidden layer");
    }

    /** In the graph form the output is the layer nothing reads, wherever it is written. */
    @Test
    void rejectsDropoutOnAGraphsOutputWrittenFirst() {
        input(4).layer(denseSpec("out", 3, Activation.SOFTMAX, true, 0, 0.25).withInputs(List.of("both")))
                .dense("left", 8, Activation.RELU, "input")
                .dense("right", 8, Activation.TANH, "input")
                .concat("both", "left", "right")
                .loss(Loss.CATEGORICAL_CROSSENTROPY)
                .validate()
                .single(DiagnosticCode.DROPOUT_ON_OUTPUT, layer(0, DenseSpec.DROPOUT), "output layer 'out'");
    }

    @Test
    void acceptsDropoutOnHiddenLayersAndARateOfZeroOnTheOutput() {
        input(4).layer(denseSpec("hidden", 8, Activation.RELU, true, 0, 0.5))
                .layer(denseSpec("out", 1, Activation.LINEAR, true, 0, 0))
                .validate()
                .clean();
        input(4).layer(denseSpec("left", 8, Activation.RELU, true, 0, 0.25).withInputs(List.of("input")))
                .dense("right", 8, Activation.TANH, "input")
                .add("sum", "left", "right")
                .dense("out", 2, Activation.LINEAR, "sum")
                .validate()
                .clean();
    }

    /** A rate outside [0, 1) has no meaning as a rate, so it gets the range error alone. */
    @Test
    void reportsAnOutOfRangeRateOnTheOutputOnlyAsOutOfRange() {
        input(4).dense("hidden", 8, Activation.RELU)
                .layer(denseSpec("out", 1, Activation.LINEAR, true, 0, 1.0))
                .validate()
                .single(DiagnosticCode.VALUE_OUT_OF_RANGE, layer(1, DenseSpec.DROPOUT), "dropout of dense 'out'");
    }

    @ParameterizedTest
    @CsvSource({
        "1, SIGMOID, BINARY_CROSSENTROPY",
        "2, SOFTMAX, CATEGORICAL_CROSSENTROPY",
        "3, LINEAR, CATEGORICAL_CROSSENTROPY",
        "2, SOFTMAX, SPARSE_CATEGORICAL_CROSSENTROPY",
        "10, LINEAR, SPARSE_CATEGORICAL_CROSSENTROPY",
    })
    void acceptsOutputsTheLossCanBeComputedFrom(int units, Activation activation, Loss loss) {
        FITTING.incrementAndGet();
        netWith(units, activation, loss).validate().clean();
    }

    @ParameterizedTest
    @CsvSource({
        "1, LINEAR, BINARY_CROSSENTROPY, one output unit with sigmoid, 1 unit with linear on 'out'",
        "2, SIGMOID, BINARY_CROSSENTROPY, one output unit with sigmoid, 2 units with sigmoid on 'out'",
        "2, SOFTMAX, BINARY_CROSSENTROPY, one output unit with sigmoid, 2 units with softmax on 'out'",
        "3, SIGMOID, CATEGORICAL_CROSSENTROPY, at least 2 output units with softmax or linear (logits), 3 units with"
                + " sigmoid on 'out'",
        "1, SOFTMAX, CATEGORICAL_CROSSENTROPY, at least 2 output units with softmax or linear (logits), 1 unit with"
                + " softmax on 'out'",
        "1, SIGMOID, SPARSE_CATEGORICAL_CROSSENTROPY, at least 2 output units with softmax or linear (logits), 1 unit"
                + " with sigmoid on 'out'",
        "4, RELU, SPARSE_CATEGORICAL_CROSSENTROPY, at least 2 output units with softmax or linear (logits), 4 units"
                + " with relu on 'out'",
    })
    void rejectsOutputsTheLossCannotUse(int units, Activation activation, Loss loss, String expected, String found) {
        MISFITTING.incrementAndGet();
        netWith(units, activation, loss)
                .validate()
                .single(
                        DiagnosticCode.LOSS_ACTIVATION_MISMATCH,
                        network(NetworkSpec.LOSS),
                        "loss " + loss.yamlName() + " needs " + expected + ", found " + found);
    }

    /** Regression losses accept any output, softmax included (as Keras does). */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void regressionLossesAcceptEveryActivation(Activation activation) {
        for (Loss loss : List.of(Loss.MEAN_SQUARED_ERROR, Loss.MEAN_ABSOLUTE_ERROR)) {
            REGRESSION_OUTPUTS.incrementAndGet();
            netWith(3, activation, loss).validate().clean();
        }
    }

    @Test
    void acceptsAsManyClassesAsOutputUnits() {
        netWith(3, Activation.SOFTMAX, Loss.SPARSE_CATEGORICAL_CROSSENTROPY)
                .classes("setosa", "versicolor", "virginica")
                .validate()
                .clean();
    }

    @Test
    void acceptsTwoClassesForOneSigmoidUnit() {
        netWith(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY)
                .classes("benign", "malignant")
                .validate()
                .clean();
    }

    @Test
    void rejectsClassesThatDoNotMatchTheOutputUnits() {
        netWith(3, Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY)
                .classes("a", "b", "c", "d")
                .validate()
                .single(
                        DiagnosticCode.CLASS_COUNT_MISMATCH,
                        network(NetworkSpec.CLASSES),
                        "output layer 'out' has 3 units but 4 classes are named");
    }

    @Test
    void explainsWhatOneSigmoidUnitTakes() {
        netWith(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY)
                .classes("a", "b", "c")
                .validate()
                .single(
                        DiagnosticCode.CLASS_COUNT_MISMATCH,
                        network(NetworkSpec.CLASSES),
                        "output layer 'out' has 1 unit but 3 classes are named; one sigmoid unit takes exactly 2 classes"
                                + " (false, true)");
    }

    @Test
    void countsClassesAgainstUnitsUnlessTheOutputIsOneSigmoid() {
        netWith(4, Activation.LINEAR, Loss.MEAN_SQUARED_ERROR)
                .classes("only")
                .validate()
                .single(
                        DiagnosticCode.CLASS_COUNT_MISMATCH,
                        network(NetworkSpec.CLASSES),
                        "output layer 'out' has 4 units but 1 class is named");
        netWith(1, Activation.LINEAR, Loss.MEAN_SQUARED_ERROR)
                .classes("no", "yes")
                .validate()
                .single(
                        DiagnosticCode.CLASS_COUNT_MISMATCH,
                        network(NetworkSpec.CLASSES),
                        "output layer 'out' has 1 unit but 2 classes are named");
    }
}
