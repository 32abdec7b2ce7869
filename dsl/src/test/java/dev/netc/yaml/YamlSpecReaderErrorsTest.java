package dev.netc.yaml;

import static dev.netc.yaml.YamlTesting.readClean;
import static dev.netc.yaml.YamlTesting.readOneError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.spec.DenseSpec;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the reader reports for specs that are well-formed YAML but not netc's form: the message in full (what was
 * expected, what was found) and where. The one-line invariant corpus in {@code invalid/} pins more cases.
 */
class YamlSpecReaderErrorsTest {

    /** A valid spec; tests replace its first layer (line 5, from column 5) or another part with a mistake. */
    private static final String SPEC =
            """
            network: Net
            package: com.example
            input: 4
            layers:
              - {dense: 8}
              - {dense: 3, activation: softmax}
            loss: categorical_crossentropy
            optimizer: adam
            """;

    @ParameterizedTest
    @ValueSource(strings = {"010", "1_0", "1:30", "0x10", "8.0", "-3", "0", "+8", "1e3", "\"8\"", "'8'", "08"})
    void unitsMustBeAPositiveDecimalInteger(String units) {
        Diagnostic diagnostic = readOneError(layer("{dense: " + units + "}"));

        String shown = units.startsWith("'") ? '"' + units.substring(1, units.length() - 1) + '"' : units;
        assertEquals(
                "spec.yaml:5:13: error: expected a positive decimal integer for 'units', found '" + shown
                        + "' [netc:bad-integer]",
                diagnostic.format());
    }

    @Test
    void unitsMustFitAnInt() {
        Diagnostic diagnostic = readOneError(layer("{dense: 2147483648}"));

        assertEquals("expected an integer of at most 2147483647 for 'units', found '2147483648'", diagnostic.message());
        assertEquals(DiagnosticCode.INTEGER_TOO_LARGE, diagnostic.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {".nan", "1e999", "-1e999", ".inf", "-.inf", "NaN", "1.", ".5", "0x1p3", "1_000.0", "01"})
    void numbersMustBeFiniteAndPlainDecimal(String rate) {
        Diagnostic diagnostic =
                readOneError(SPEC.replace("optimizer: adam", "optimizer: {adam: {learning_rate: " + rate + "}}"));

        assertEquals(
                "spec.yaml:8:35: error: expected a finite number for 'learning_rate', found '" + rate
                        + "' [netc:bad-number]",
                diagnostic.format());
    }

    @Test
    void aQuotedNumberIsAString() {
        Diagnostic diagnostic = readOneError(layer("{dense: 8, l2: \"0.01\"}"));

        assertEquals("expected a finite number for 'l2', found '\"0.01\"'", diagnostic.message());
    }

    @Test
    void rangesAreTheValidatorsQuestion() {
        DenseSpec layer = (DenseSpec)
                readClean(layer("{dense: 8, l2: -1, dropout: 1.5}")).layers().get(0);

        assertEquals(List.of(-1.0, 1.5), List.of(layer.l2(), layer.dropout()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "yes", "on", "off", "True", "FALSE", "1", "\"true\""})
    void booleansAreExactlyTrueOrFalse(String useBias) {
        Diagnostic diagnostic = readOneError(layer("{dense: 8, use_bias: " + useBias + "}"));

        assertEquals(
                "spec.yaml:5:26: error: expected true or false for 'use_bias', found '" + useBias
                        + "' [netc:bad-boolean]",
                diagnostic.format());
    }

    @Test
    void anUnknownActivationGetsADidYouMeanAtTheWord() {
        Diagnostic diagnostic = readOneError(layer("{dense: 8, activation: reluu}"));

        assertEquals(
                "spec.yaml:5:28: error: unknown activation 'reluu'; did you mean 'relu'? [netc:unknown-activation]",
                diagnostic.format());
    }

    @Test
    void wordsAreMatchedWithTheirCase() {
        assertEquals(
                "unknown activation 'ReLU'; did you mean 'relu'?",
                readOneError(layer("{dense: 8, activation: ReLU}")).message());
    }

    @Test
    void aWordFarFromAnyListsWhatIsAllowed() {
        assertEquals(
                "unknown initializer 'orthogonal'; expected one of zeros, normal, uniform, glorot_normal,"
                        + " glorot_uniform, he_normal, he_uniform",
                readOneError(layer("{dense: 8, init: orthogonal}")).message());
    }

    @Test
    void anUnknownLossOrOptimizerGetsADidYouMean() {
        Diagnostic loss = readOneError(SPEC.replace("categorical_crossentropy", "categorical_cross_entropy"));
        Diagnostic bare = readOneError(SPEC.replace("optimizer: adam", "optimizer: adma"));
        Diagnostic keyed = readOneError(SPEC.replace("optimizer: adam", "optimizer: {rmsporp: {rho: 0.9}}"));

        assertEquals(
                "spec.yaml:7:7: error: unknown loss 'categorical_cross_entropy'; did you mean"
                        + " 'categorical_crossentropy'? [netc:unknown-loss]",
                loss.format());
        assertEquals(
                "spec.yaml:8:12: error: unknown optimizer 'adma'; did you mean 'adam'? [netc:unknown-optimizer]",
                bare.format());
        assertEquals("spec.yaml:8:13", keyed.at().describe());
        assertEquals("unknown optimizer 'rmsporp'; did you mean 'rmsprop'?", keyed.message());
    }

    @Test
    void anUnknownKeyGetsADidYouMeanFromItsSection() {
        Diagnostic top = readOneError(SPEC.replace("optimizer: adam", "optimiser: adam"));
        Diagnostic dense = readOneError(layer("{dense: 8, activaton: relu}"));

        assertEquals(
                "spec.yaml:8:1: error: unknown key 'optimiser' in the network spec; did you mean 'optimizer'?"
                        + " [netc:unknown-key]",
                top.format());
        assertEquals(
                "spec.yaml:5:16: error: unknown key 'activaton' in dense layer 'dense1'; did you mean 'activation'?"
                        + " [netc:unknown-key]",
                dense.format());
    }

    @Test
    void aMergeLayerTakesOnlyItsInputsAndAName() {
        Diagnostic diagnostic = readOneError(layer("{concat: [input, input], name: both, activation: relu}"));

        assertEquals(
                "spec.yaml:5:42: error: unknown key 'activation' in concat layer 'both'; expected one of concat, name"
                        + " [netc:unknown-key]",
                diagnostic.format());
    }

    @Test
    void anOptionTheOptimizerDoesNotTakeIsAnUnknownKey() {
        Diagnostic wrongKind = readOneError(SPEC.replace("optimizer: adam", "optimizer: {sgd: {momentum: 0.9}}"));
        Diagnostic typo = readOneError(SPEC.replace("optimizer: adam", "optimizer: {adam: {beta_1: 0.8}}"));

        assertEquals(
                "spec.yaml:8:19: error: unknown key 'momentum' in optimizer sgd; expected one of learning_rate,"
                        + " weight_decay [netc:unknown-key]",
                wrongKind.format());
        assertEquals("unknown key 'beta_1' in optimizer adam; did you mean 'beta1'?", typo.message());
    }

    @Test
    void everyMissingKeyIsReportedInOnePass() {
        Diagnostics diagnostics = new Diagnostics();

        YamlTesting.read("classes: [a, b]\n".getBytes(StandardCharsets.UTF_8), diagnostics);

        assertEquals(
                """
                spec.yaml:1:1: error: the network spec needs 'network' (the generated class's name) [netc:missing-key]
                spec.yaml:1:1: error: the network spec needs 'package' (the generated class's package) [netc:missing-key]
                spec.yaml:1:1: error: the network spec needs 'input' (the input size, or a list of feature names) \
                [netc:missing-key]
                spec.yaml:1:1: error: the network spec needs 'layers' (a list of layers) [netc:missing-key]
                spec.yaml:1:1: error: the network spec needs 'loss' (one of mean_squared_error, mean_absolute_error, \
                binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy) [netc:missing-key]
                """,
                diagnostics.toString());
    }

    @Test
    void mistakesInSeveralPlacesAreAllReported() {
        String yaml = layer("{dense: 010, activation: reluu}")
                .replace("{dense: 3, activation: softmax}", "{dense: 3, activation: softmax, inputs: {a: b}}")
                .replace("optimizer: adam", "optimizer: {sgd: {learning_rate: fast}}");
        Diagnostics diagnostics = new Diagnostics();

        YamlTesting.read(yaml.getBytes(StandardCharsets.UTF_8), diagnostics);

        assertEquals(
                List.of(
                        "spec.yaml:5:13: bad-integer",
                        "spec.yaml:5:30: unknown-activation",
                        "spec.yaml:6:45: wrong-node",
                        "spec.yaml:8:34: bad-number"),
                diagnostics.all().stream()
                        .map(d -> d.at().describe() + ": " + d.code().tag())
                        .toList());
    }

    @Test
    void theWrongKindOfNodeSaysWhatWasExpected() {
        assertEquals(
                "expected an optimizer kind or a mapping from one kind to its options for 'optimizer', found a list",
                readOneError(SPEC.replace("optimizer: adam", "optimizer: [adam]"))
                        .message());
        assertEquals(
                "expected a list of layers for 'layers', found a mapping",
                readOneError(SPEC.replace("  - {dense: 8}\n  - {dense: 3, activation: softmax}", "  dense: 3"))
                        .message());
        assertEquals(
                "expected a list of names for 'classes', found 'setosa'",
                readOneError(SPEC.replace("input: 4", "input: 4\nclasses: setosa"))
                        .message());
        assertEquals(
                "expected a positive decimal integer or a list of feature names for 'input', found a mapping",
                readOneError(SPEC.replace("input: 4", "input: {size: 4}")).message());
        assertEquals(
                "expected a name for 'inputs', found nothing",
                readOneError(layer("{dense: 8, inputs: }")).message());
        assertEquals(
                "expected a layer such as {dense: 8} for 'layers', found 'dense'",
                readOneError(layer("dense")).message());
        assertEquals(
                "expected a mapping for 'spec.yaml', found a list",
                readOneError("- network: Net\n").message());
        assertEquals(
                "expected a mapping with exactly one optimizer kind for 'optimizer', found a mapping with 2 keys",
                readOneError(SPEC.replace("optimizer: adam", "optimizer: {sgd: {}, adam: {}}"))
                        .message());
        assertEquals(
                "expected a mapping for 'sgd', found nothing",
                readOneError(SPEC.replace("optimizer: adam", "optimizer: {sgd: }"))
                        .message());
    }

    @Test
    void aLayerHasExactlyOneKind() {
        assertEquals(
                "spec.yaml:5:16: error: expected a layer with exactly one of 'dense', 'concat' or 'add', found 'dense'"
                        + " and 'add' [netc:layer-kind]",
                readOneError(layer("{dense: 8, add: [a, b]}")).format());
        assertEquals(
                "spec.yaml:5:5: error: expected a layer with exactly one of 'dense', 'concat' or 'add', found none"
                        + " (keys: units, activation) [netc:layer-kind]",
                readOneError(layer("{units: 8, activation: relu}")).format());
        assertEquals(
                "spec.yaml:5:6: error: expected a layer with exactly one of 'dense', 'concat' or 'add', found 'dens';"
                        + " did you mean 'dense'? [netc:layer-kind]",
                readOneError(layer("{dens: 8}")).format());
        assertEquals(
                "expected a layer with exactly one of 'dense', 'concat' or 'add', found an empty mapping",
                readOneError(layer("{}")).message());
    }

    @Test
    void aRepeatedKeyIsReportedAtTheRepeatNamingTheFirst() {
        Diagnostic diagnostic = readOneError(layer("{dense: 8, activation: relu, activation: tanh}"));

        assertEquals(
                "spec.yaml:5:34: error: duplicate key 'activation'; it is first given at spec.yaml:5:16"
                        + " [netc:duplicate-key]",
                diagnostic.format());
    }

    @Test
    void anEmptyNameIsNotAName() {
        assertEquals(
                "spec.yaml:5:22: error: expected a name for 'name', found '\"\"' [netc:bad-name]",
                readOneError(layer("{dense: 8, name: \"\"}")).format());
    }

    private static String layer(String layer) {
        return SPEC.replace("{dense: 8}", layer);
    }
}
