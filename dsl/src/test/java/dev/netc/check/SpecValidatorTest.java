package dev.netc.check;

import static dev.netc.check.TestNet.denseSpec;
import static dev.netc.check.TestNet.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.ParameterLayout;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.SourcePosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    /** A sequential 4-8-8-3 network whose middle layer has no bias. */
    private static TestNet sequential() {
        return input(4).dense("dense1", 8, Activation.TANH)
                .layer(denseSpec("dense2", 8, Activation.RELU, false, 0, 0))
                .dense("dense3", 3, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSSENTROPY);
    }

    /** A graph with a concat and an add, written inputs-first. */
    private static TestNet tidyGraph() {
        return input(4).dense("left", 8, Activation.RELU)
                .dense("right", 8, Activation.TANH)
                .concat("both", "left", "right")
                .dense("proj", 8, Activation.RELU, "both")
                .add("sum", "proj", "left")
                .dense("out", 3, Activation.SOFTMAX, "sum")
                .loss(Loss.CATEGORICAL_CROSSENTROPY);
    }

    /** The same graph written output-first and shuffled, one input layer naming {@code input} explicitly. */
    private static TestNet scrambledGraph() {
        return input(4).dense("out", 3, Activation.SOFTMAX, "sum")
                .dense("proj", 8, Activation.RELU, "both")
                .dense("right", 8, Activation.TANH)
                .add("sum", "proj", "left")
                .concat("both", "left", "right")
                .dense("left", 8, Activation.RELU, "input")
                .loss(Loss.CATEGORICAL_CROSSENTROPY);
    }

    @Test
    void checksASequentialNetwork() {
        CheckedNetwork checked = sequential().validate().clean();
        assertEquals(List.of("dense1", "dense2", "dense3"), namesOf(checked));
        assertEquals(List.of(List.of("input"), List.of("dense1"), List.of("dense2")), inputsOf(checked));
        assertEquals(4, checked.inputSize());
        assertEquals(3, checked.outputSize());
        assertEquals(Activation.SOFTMAX, checked.outputActivation());
        assertEquals(8, checked.sizeOf("dense2"));
        assertEquals(
                new ParameterLayout(
                        List.of(
                                new ParameterLayout.Entry("dense1", 4, 8, 0, 32),
                                new ParameterLayout.Entry("dense2", 8, 8, 40, -1),
                                new ParameterLayout.Entry("dense3", 8, 3, 104, 128)),
                        131),
                checked.layout());
    }

    @Test
    void ordersAGraphByAWalkFromTheOutputAndResolvesEveryInput() {
        CheckedNetwork checked = tidyGraph().validate().clean();
        assertEquals(List.of("left", "right", "both", "proj", "sum", "out"), namesOf(checked));
        assertEquals(
                List.of(
                        List.of("input"),
                        List.of("input"),
                        List.of("left", "right"),
                        List.of("both"),
                        List.of("proj", "left"),
                        List.of("sum")),
                inputsOf(checked));
        Map<String, Integer> sizes = Map.of("input", 4, "left", 8, "right", 8, "both", 16, "proj", 8, "sum", 8);
        sizes.forEach((name, size) -> assertEquals(size, checked.sizeOf(name), name));
        assertEquals(
                new ParameterLayout(
                        List.of(
                                new ParameterLayout.Entry("left", 4, 8, 0, 32),
                                new ParameterLayout.Entry("right", 4, 8, 40, 72),
                                new ParameterLayout.Entry("proj", 16, 8, 80, 208),
                                new ParameterLayout.Entry("out", 8, 3, 216, 240)),
                        243),
                checked.layout());
    }

    @Test
    void givesTheSameCheckedNetworkWhateverOrderTheLayersAreWrittenIn() {
        CheckedNetwork tidy = tidyGraph().validate().clean();
        CheckedNetwork scrambled = scrambledGraph().validate().clean();
        assertEquals(tidy, scrambled);
        assertEquals(tidy.spec().layers(), scrambled.spec().layers());
        assertEquals(tidy.layout(), scrambled.layout());
    }

    @Test
    void givesTheSameCheckedNetworkForTheSequentialAndGraphFormsOfAChain() {
        CheckedNetwork chain = sequential().validate().clean();
        CheckedNetwork graph = input(4).dense("dense1", 8, Activation.TANH, "input")
                .layer(denseSpec("dense2", 8, Activation.RELU, false, 0, 0).withInputs(List.of("dense1")))
                .dense("dense3", 3, Activation.SOFTMAX, "dense2")
                .loss(Loss.CATEGORICAL_CROSSENTROPY)
                .validate()
                .clean();
        assertEquals(chain, graph);
        assertEquals(chain.hashCode(), graph.hashCode());
        assertEquals(chain.layout(), graph.layout());
    }

    @Test
    void reportsIndependentMistakesTogetherInRuleOrder() {
        TestNet.Validated validated = input(4).named("class")
                .layer(denseSpec("hidden", 8, Activation.SOFTMAX, true, -1, 0))
                .dense("out", 3, Activation.SIGMOID, "hiden")
                .validate();
        assertEquals(
                List.of(
                        DiagnosticCode.INVALID_NETWORK_NAME,
                        DiagnosticCode.VALUE_OUT_OF_RANGE,
                        DiagnosticCode.UNKNOWN_INPUT),
                validated.codes());
        assertTrue(validated.checked().isEmpty());
    }

    @Test
    void addsToTheCallersReportAndJudgesOnlyThisSpec() {
        Diagnostics diagnostics = new Diagnostics();
        Diagnostic earlier = Diagnostic.error(DiagnosticCode.NO_LAYERS, SourcePosition.NONE);
        diagnostics.add(earlier);

        Optional<CheckedNetwork> clean = SpecValidator.validate(sequential().build(), diagnostics);
        assertTrue(clean.isPresent());
        assertEquals(List.of(earlier), diagnostics.all());

        Optional<CheckedNetwork> broken =
                SpecValidator.validate(sequential().named("9").build(), diagnostics);
        assertTrue(broken.isEmpty());
        assertEquals(2, diagnostics.all().size());
        assertEquals(
                DiagnosticCode.INVALID_NETWORK_NAME, diagnostics.all().get(1).code());
    }

    private static List<String> namesOf(CheckedNetwork checked) {
        return checked.layers().stream().map(LayerSpec::name).toList();
    }

    private static List<List<String>> inputsOf(CheckedNetwork checked) {
        return checked.layers().stream().map(LayerSpec::inputs).toList();
    }
}
