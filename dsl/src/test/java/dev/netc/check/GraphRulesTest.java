package dev.netc.check;

import static dev.netc.check.TestNet.input;
import static dev.netc.check.TestNet.layer;
import static dev.netc.check.TestNet.network;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Activation;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphRulesTest {

    @Test
    void chainsTheSequentialForm() {
        CheckedNetwork checked = input(4).dense("a", 8, Activation.RELU)
                .dense("b", 8, Activation.RELU)
                .dense("c", 2, Activation.LINEAR)
                .validate()
                .clean();
        assertEquals(List.of(List.of("input"), List.of("a"), List.of("b")), inputsOf(checked));
    }

    @Test
    void readsTheNetworkInputWhereAGraphLayerListsNoInputs() {
        CheckedNetwork checked = input(4).dense("left", 8, Activation.RELU)
                .dense("right", 8, Activation.TANH)
                .concat("both", "left", "right")
                .dense("out", 2, Activation.LINEAR, "both")
                .validate()
                .clean();
        assertEquals(
                List.of(List.of("input"), List.of("input"), List.of("left", "right"), List.of("both")),
                inputsOf(checked));
    }

    @Test
    void reportsNoLayers() {
        input(4).validate().single(DiagnosticCode.NO_LAYERS, network(NetworkSpec.LAYERS), "network has no layers");
    }

    @Test
    void suggestsTheNearestLayerForAnUnknownInputAndReportsNothingElse() {
        // 'hidden' is unread only because of the typo, so it is not reported as unused.
        input(4).dense("hidden", 8, Activation.RELU)
                .dense("out", 2, Activation.LINEAR, "hiden")
                .validate()
                .single(
                        DiagnosticCode.UNKNOWN_INPUT,
                        layer(1, "inputs.0"),
                        "layer 'out' reads 'hiden', which is not a layer; did you mean 'hidden'?");
    }

    @Test
    void listsTheOtherLayersWhenNoNameIsClose() {
        input(4).dense("hidden", 8, Activation.RELU)
                .dense("out", 2, Activation.LINEAR, "hidden")
                .concat("extra", "out", "zzzzzz")
                .validate()
                .single(
                        DiagnosticCode.UNKNOWN_INPUT,
                        layer(2, "inputs.1"),
                        "layer 'extra' reads 'zzzzzz', which is not a layer; expected one of input, hidden, out");
    }

    @Test
    void rejectsADenseLayerWithTwoInputs() {
        input(4).dense("a", 8, Activation.RELU)
                .dense("b", 8, Activation.RELU)
                .dense("out", 2, Activation.LINEAR, "a", "b")
                .validate()
                .single(
                        DiagnosticCode.WRONG_INPUT_COUNT,
                        layer(2, LayerSpec.INPUTS),
                        "dense 'out' reads 2 inputs; a dense layer reads exactly one");
    }

    @Test
    void rejectsAMergeOfOneInput() {
        input(4).dense("a", 8, Activation.RELU)
                .concat("both", "a")
                .dense("out", 2, Activation.LINEAR, "both")
                .validate()
                .single(
                        DiagnosticCode.WRONG_INPUT_COUNT,
                        layer(1, LayerSpec.INPUTS),
                        "concat 'both' reads 1 input; a merge reads at least two");
    }

    @Test
    void rejectsAMergeThatListsNoInputs() {
        input(4).add("sum")
                .dense("out", 2, Activation.LINEAR, "sum")
                .validate()
                .single(
                        DiagnosticCode.WRONG_INPUT_COUNT,
                        layer(0, LayerSpec.INPUTS),
                        "add 'sum' reads no inputs; a merge reads at least two");
    }

    @Test
    void rejectsALayerReadingItselfWithoutReportingACycle() {
        input(4).dense("a", 8, Activation.RELU)
                .concat("both", "a", "both")
                .dense("out", 2, Activation.LINEAR, "both")
                .validate()
                .single(
                        DiagnosticCode.SELF_INPUT,
                        layer(1, "inputs.1"),
                        "layer 'both' reads itself; expected the name of another layer or 'input'");
    }

    @Test
    void rejectsAMergeReadingOneInputTwice() {
        input(4).dense("a", 8, Activation.RELU)
                .add("twice", "a", "input", "a")
                .dense("out", 2, Activation.LINEAR, "twice")
                .validate()
                .single(
                        DiagnosticCode.DUPLICATE_INPUT,
                        layer(1, "inputs.2"),
                        "add 'twice' reads 'a' twice; expected each input once");
    }

    @Test
    void namesTheLayersAroundACycleInDataFlowOrder() {
        // a reads c, c reads b, b reads a: data flows a -> b -> c -> a. Reported where a reads c.
        input(4).dense("a", 8, Activation.RELU, "c")
                .dense("b", 8, Activation.RELU, "a")
                .dense("c", 8, Activation.RELU, "b")
                .dense("out", 2, Activation.LINEAR, "c")
                .validate()
                .single(DiagnosticCode.CYCLE, layer(0, "inputs.0"), "layers form a cycle: a -> b -> c -> a");
    }

    @Test
    void reportsOneCyclePerTangleAndEachSeparateTangle() {
        // a and b read each other (one tangle, two edges closing cycles); c and d do the same; m merges both.
        TestNet.Validated validated = input(4).add("a", "input", "b")
                .add("b", "a", "input")
                .add("c", "d", "input")
                .add("d", "c", "input")
                .add("m", "a", "c")
                .dense("out", 2, Activation.LINEAR, "m")
                .validate();
        assertEquals(List.of(DiagnosticCode.CYCLE, DiagnosticCode.CYCLE), validated.codes());
        assertEquals(
                "layers form a cycle: a -> b -> a",
                validated.diagnostics().all().get(0).message());
        assertEquals(layer(0, "inputs.1"), validated.diagnostics().all().get(0).at());
        assertEquals(
                "layers form a cycle: c -> d -> c",
                validated.diagnostics().all().get(1).message());
        assertEquals(layer(2, "inputs.0"), validated.diagnostics().all().get(1).at());
    }

    @Test
    void reportsOnlyTheCycleWhenEveryLayerIsInIt() {
        input(4).dense("a", 8, Activation.RELU, "b")
                .dense("b", 8, Activation.RELU, "a")
                .validate()
                .single(DiagnosticCode.CYCLE, layer(0, "inputs.0"), "a -> b -> a");
    }

    @Test
    void reportsEveryUnreadLayerButTheLastWrittenAsUnused() {
        TestNet.Validated validated = input(4).dense("spare", 8, Activation.RELU)
                .dense("hidden", 8, Activation.RELU, "input")
                .dense("also", 3, Activation.RELU)
                .dense("out", 2, Activation.LINEAR, "hidden")
                .validate();
        assertEquals(List.of(DiagnosticCode.UNUSED_LAYER, DiagnosticCode.UNUSED_LAYER), validated.codes());
        assertEquals(layer(0, "node"), validated.diagnostics().all().get(0).at());
        assertEquals(
                "layer 'spare' is not read by any layer and is not the output ('out')",
                validated.diagnostics().all().get(0).message());
        assertEquals(layer(2, "node"), validated.diagnostics().all().get(1).at());
    }

    @Test
    void reportsEveryWiringMistakeOfOneSpecTogether() {
        TestNet.Validated validated = input(4).dense("a", 8, Activation.RELU, "a")
                .dense("b", 8, Activation.RELU, "input", "a")
                .concat("c", "a", "b", "b")
                .dense("out", 2, Activation.LINEAR, "c")
                .validate();
        assertEquals(
                List.of(DiagnosticCode.SELF_INPUT, DiagnosticCode.WRONG_INPUT_COUNT, DiagnosticCode.DUPLICATE_INPUT),
                validated.codes());
    }

    private static List<List<String>> inputsOf(CheckedNetwork checked) {
        return checked.layers().stream().map(LayerSpec::inputs).toList();
    }
}
