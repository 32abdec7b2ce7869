package dev.netc.check;

import static dev.netc.check.TestNet.input;
import static dev.netc.check.TestNet.layer;
import static dev.netc.check.TestNet.network;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizeRulesTest {

    private static final AtomicInteger BAD_UNITS = new AtomicInteger();
    private static final AtomicInteger BAD_INPUTS = new AtomicInteger();

    @AfterAll
    static void everyCaseRan() {
        assertEquals(4, BAD_UNITS.get());
        assertEquals(3, BAD_INPUTS.get());
    }

    @Test
    void acceptsTheSmallestAndLargestSizes() {
        input(65_536).dense("narrow", 1, Activation.RELU).validate().clean();
        input(1).dense("wide", 65_536, Activation.RELU)
                .dense("out", 1, Activation.LINEAR)
                .validate()
                .clean();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3, 65_537, Integer.MAX_VALUE})
    void rejectsUnitsOutOfRange(int units) {
        BAD_UNITS.incrementAndGet();
        input(4).dense("hidden", units, Activation.RELU)
                .dense("out", 1, Activation.LINEAR)
                .validate()
                .single(
                        DiagnosticCode.SIZE_OUT_OF_RANGE,
                        layer(0, DenseSpec.UNITS),
                        "units of dense 'hidden' must be between 1 and 65536, found " + units);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_537})
    void rejectsAnInputSizeOutOfRange(int size) {
        BAD_INPUTS.incrementAndGet();
        input(size)
                .dense("out", 1, Activation.LINEAR)
                .validate()
                .single(
                        DiagnosticCode.SIZE_OUT_OF_RANGE,
                        TestNet.input(InputSpec.SIZE),
                        "input size must be between 1 and 65536, found " + size);
    }

    @Test
    void acceptsTheLargestNumberOfLayers() {
        TestNet net = input(2);
        for (int i = 1; i <= SizeRules.MAX_LAYERS; i++) {
            net.dense("d" + i, 2, Activation.RELU);
        }
        assertEquals(1_024, net.validate().clean().layers().size());
    }

    @Test
    void rejectsOneLayerMoreWithoutWalkingTheGraph() {
        TestNet net = input(2);
        for (int i = 1; i <= SizeRules.MAX_LAYERS + 1; i++) {
            net.dense("d" + i, 2, Activation.RELU);
        }
        net.validate()
                .single(
                        DiagnosticCode.TOO_MANY_LAYERS,
                        network(NetworkSpec.LAYERS),
                        "network has 1025 layers; the limit is 1024");
    }

    @Test
    void rejectsFeatureNamesThatDoNotMatchTheInputSize() {
        input(3).withFeatures("a", "b")
                .dense("out", 1, Activation.LINEAR)
                .validate()
                .single(
                        DiagnosticCode.FEATURE_COUNT_MISMATCH,
                        TestNet.input(InputSpec.FEATURES),
                        "input has size 3 but names 2 features");
    }

    @Test
    void reportsEveryBadSizeAtOnceAndNothingThatDependsOnThem() {
        TestNet.Validated validated = input(0).dense("a", 0, Activation.RELU)
                .dense("b", 70_000, Activation.RELU)
                .dense("out", 0, Activation.SIGMOID)
                .loss(Loss.BINARY_CROSSENTROPY)
                .validate();
        assertEquals(4, validated.diagnostics().all().size(), validated.diagnostics()::toString);
        validated.diagnostics().all().forEach(d -> assertEquals(DiagnosticCode.SIZE_OUT_OF_RANGE, d.code()));
    }
}
