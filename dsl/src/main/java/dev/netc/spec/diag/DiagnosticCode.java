package dev.netc.spec.diag;

import java.util.Locale;

/**
 * The catalogue of every message netc reports about a spec. Each code has a stable tag, printed after the message as
 * {@code [netc:tag]}, and a message template (with {@link String#format} arguments) that says what was expected and
 * what was found. {@code docs/diagnostics.md} lists them all.
 */
public enum DiagnosticCode {
    // Reading YAML: the document itself.
    SPEC_EMPTY("spec-empty", "spec is empty: expected a mapping with at least 'network', 'input', 'layers' and 'loss'"),
    SPEC_TOO_LARGE("spec-too-large", "spec is %d bytes; the limit is %d bytes"),
    SPEC_UNREADABLE("spec-unreadable", "cannot read the spec: %s"),
    NOT_UTF8("not-utf8", "spec is not valid UTF-8: %s"),
    YAML_SYNTAX("yaml-syntax", "malformed YAML: %s"),
    MULTIPLE_DOCUMENTS("multiple-documents", "expected one YAML document, found a second one starting here"),
    TAG_NOT_ALLOWED("tag-not-allowed", "tags are not allowed in a spec, found '%s'"),
    TOO_DEEP("too-deep", "nesting deeper than %d levels"),
    ALIAS_NOT_ALLOWED("alias-not-allowed", "aliases and anchors are not allowed in a spec, found '%s'"),
    DUPLICATE_KEY("duplicate-key", "duplicate key '%s'; it is first given at %s"),
    UNKNOWN_KEY("unknown-key", "unknown key '%s' in %s; %s"),
    MISSING_KEY("missing-key", "%s needs '%s'%s"),
    WRONG_NODE("wrong-node", "expected %s for '%s', found %s"),
    MORE_ERRORS("more-errors", "errors not shown: %d more; netc reports the first %d of a spec"),

    // Reading YAML: scalar values, read with netc's own strict grammar.
    BAD_INTEGER("bad-integer", "expected a positive decimal integer for '%s', found '%s'"),
    INTEGER_TOO_LARGE("integer-too-large", "expected an integer of at most %d for '%s', found '%s'"),
    BAD_NUMBER("bad-number", "expected %s for '%s', found '%s'"),
    BAD_BOOLEAN("bad-boolean", "expected true or false for '%s', found '%s'"),
    BAD_NAME("bad-name", "expected a name for '%s', found '%s'"),
    UNKNOWN_ACTIVATION("unknown-activation", "unknown activation '%s'; %s"),
    UNKNOWN_LOSS("unknown-loss", "unknown loss '%s'; %s"),
    UNKNOWN_INIT("unknown-init", "unknown initializer '%s'; %s"),
    UNKNOWN_OPTIMIZER("unknown-optimizer", "unknown optimizer '%s'; %s"),
    LAYER_KIND("layer-kind", "expected a layer with exactly one of 'dense', 'concat' or 'add', found %s"),

    // Validation: sizes.
    SIZE_OUT_OF_RANGE("size-out-of-range", "%s must be between %d and %d, found %d"),
    TOO_MANY_PARAMETERS("too-many-parameters", "network has %d parameters; the limit is %d"),
    TOO_MANY_LAYERS("too-many-layers", "network has %d layers; the limit is %d"),
    VALUE_OUT_OF_RANGE("value-out-of-range", "%s must be %s, found %s"),
    OPTIMIZER_OPTION("optimizer-option", "optimizer %s does not use '%s'; it takes %s"),

    // Validation: names and the graph.
    INVALID_NAME("invalid-name", "layer name '%s' is not a Java identifier"),
    RESERVED_NAME("reserved-name", "layer name '%s' is reserved (%s)"),
    INVALID_NETWORK_NAME("invalid-network-name", "network name '%s' is not a valid Java class name"),
    INVALID_PACKAGE("invalid-package", "package '%s' is not a valid Java package name"),
    DUPLICATE_NAME("duplicate-name", "layer name '%s' is used twice; it is first given at %s"),
    UNKNOWN_INPUT("unknown-input", "layer '%s' reads '%s', which is not a layer; %s"),
    WRONG_INPUT_COUNT("wrong-input-count", "%s '%s' reads %s; %s"),
    CYCLE("cycle", "layers form a cycle: %s"),
    UNUSED_LAYER("unused-layer", "layer '%s' is not read by any layer and is not the output ('%s')"),
    NO_LAYERS("no-layers", "network has no layers; expected at least one dense layer"),
    ADD_SIZE_MISMATCH("add-size-mismatch", "add '%s' needs inputs of one size, found %s"),
    DUPLICATE_FEATURE("duplicate-feature", "feature name '%s' is used twice"),
    FEATURE_COUNT_MISMATCH("feature-count-mismatch", "input has size %d but names %d features"),
    INVALID_FEATURE_NAME("invalid-feature-name", "feature name '%s' is not a Java identifier (%s)"),
    BLANK_CLASS("blank-class", "class name %d (of %d) is blank; expected a non-blank name"),
    DUPLICATE_CLASS_NAME("duplicate-class-name", "class name '%s' is used twice; it is first given at %s"),
    SELF_INPUT("self-input", "layer '%s' reads itself; expected the name of another layer or 'input'"),
    DUPLICATE_INPUT("duplicate-input", "%s '%s' reads '%s' twice; expected each input once"),

    // Validation: activations, losses, outputs.
    SOFTMAX_NOT_OUTPUT("softmax-not-output", "softmax is allowed only on the output layer, found on '%s'"),
    DROPOUT_ON_OUTPUT(
            "dropout-on-output",
            "dropout on the output layer '%s' would drop the network's predictions in training; put it on a hidden"
                    + " layer"),
    OUTPUT_NOT_DENSE("output-not-dense", "the output layer '%s' is a %s; expected a dense layer"),
    LOSS_ACTIVATION_MISMATCH("loss-activation", "loss %s needs %s, found %s"),
    CLASS_COUNT_MISMATCH("class-count", "output layer '%s' has %s but %s"),

    // Annotated interfaces.
    NETWORK_NOT_INTERFACE("not-interface", "@Network must be on an interface, found %s"),
    WRONG_METHOD_COUNT("method-count", "a @Network interface needs exactly one abstract method, found %d"),
    NO_LAYER_ANNOTATIONS("no-layer-annotations", "method %s has no @Dense layers"),
    UNSUPPORTED_INPUT(
            "unsupported-input", "expected the input to be a record of numeric components or float[], found %s"),
    NON_NUMERIC_COMPONENT("non-numeric-component", "record component '%s' of %s is %s; expected a numeric primitive"),
    UNSUPPORTED_OUTPUT(
            "unsupported-output", "expected the output to be float[], float, int, boolean or an enum, found %s"),
    OUTPUT_TYPE_SIZE("output-type-size", "method returns %s, which needs %s; output layer '%s' has %s"),
    INPUT_SIZE_NEEDED("input-size-needed", "a float[] input needs @Network(inputSize = ...), found %s"),
    UNRESOLVED_TYPE("unresolved-type", "type %s could not be resolved"),
    DUPLICATE_CLASS("duplicate-class", "class %s is generated from both %s and %s"),

    // The annotation processor's options, spec directories and output.
    BAD_OPTION("bad-option", "processor option -A%s: expected %s, found %s"),
    UNKNOWN_OPTION("unknown-option", "unknown processor option -A%s; %s"),
    SPEC_DIR_NOT_FOUND("spec-dir-not-found", "expected a directory of YAML specs for -Anetc.specDir, found %s at %s%s"),
    SPEC_DIR_UNREADABLE("spec-dir-unreadable", "cannot list spec directory %s: %s"),
    NO_SPECS("no-specs", "spec directory %s has no *.yaml or *.yml file"),
    WRITE_FAILED("write-failed", "cannot write generated class %s: %s"),
    GENERATED("generated", "generated %s from %s; %s"),
    INTERNAL_ERROR("internal-error", "netc internal error while processing %s (please report): %s");

    private final String tag;
    private final String template;

    DiagnosticCode(String tag, String template) {
        this.tag = tag;
        this.template = template;
    }

    /** The stable tag, for example {@code unknown-key}. */
    public String tag() {
        return tag;
    }

    /** The message template, with {@link String#format} placeholders. */
    public String template() {
        return template;
    }

    /** The message for these arguments, formatted with {@link Locale#ROOT}. */
    public String format(Object... arguments) {
        return String.format(Locale.ROOT, template, arguments);
    }
}
