package dev.netc.yaml;

import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.FilePosition;
import dev.netc.spec.diag.Severity;
import dev.netc.spec.diag.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, strict reading of one spec's nodes. Each getter returns the value with where it was written, or reports at
 * the node what was expected and what was found and returns empty; the caller carries on, so one pass reports every
 * mistake. {@code key} is the name the value has in messages.
 */
final class NodeReader {

    /** The most errors reported for one spec, as javac's {@code -Xmaxerrs}: a hostile spec must not flood memory. */
    static final int MAX_REPORTED = 100;

    private final Locator locator;
    private final Diagnostics diagnostics;
    private int errors;

    NodeReader(Locator locator, Diagnostics diagnostics) {
        this.locator = locator;
        this.diagnostics = diagnostics;
    }

    /** Where {@code node} starts. */
    FilePosition at(Node node) {
        return locator.at(node);
    }

    /** Reports an error at {@code node}; past {@link #MAX_REPORTED}, only counts it. */
    void error(DiagnosticCode code, Node node, Object... arguments) {
        errors++;
        if (errors <= MAX_REPORTED) {
            diagnostics.error(code, at(node), arguments);
        }
    }

    /** Notes how many errors were counted but not reported, if any; called once the spec has been read. */
    void noteUnreported() {
        if (errors > MAX_REPORTED) {
            DiagnosticCode code = DiagnosticCode.MORE_ERRORS;
            String message = code.format(errors - MAX_REPORTED, MAX_REPORTED);
            diagnostics.add(new Diagnostic(Severity.NOTE, code, message, locator.start()));
        }
    }

    /** How many errors this reader has reported; a caller compares counts to see whether its part was clean. */
    int errorCount() {
        return errors;
    }

    /**
     * The mapping {@code node} as a section whose keys are all in {@code known}; other keys are reported (with a did
     * you mean) and left out.
     */
    Optional<Section> section(Node node, String key, String label, List<String> known) {
        if (!(node instanceof MappingNode mapping)) {
            error(DiagnosticCode.WRONG_NODE, node, "a mapping", key, describe(node));
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode name)) {
                error(DiagnosticCode.WRONG_NODE, entry.getKeyNode(), "a key name", label, describe(entry.getKeyNode()));
            } else if (known.contains(name.getValue())) {
                entries.put(name.getValue(), entry);
            } else {
                String shown = Scalars.shown(name.getValue());
                error(DiagnosticCode.UNKNOWN_KEY, name, shown, label, Suggestions.didYouMean(name.getValue(), known));
            }
        }
        return Optional.of(new Section(label, mapping, entries));
    }

    /** The value of {@code key} in {@code section}; when it is missing, reports that {@code hint} is needed. */
    Optional<Node> required(Section section, String key, String hint) {
        Optional<Node> value = section.value(key);
        if (value.isEmpty()) {
            error(DiagnosticCode.MISSING_KEY, section.node(), section.label(), key, hint);
        }
        return value;
    }

    /** A list, described as {@code expected} (for example "a list of layers") when it is not one. */
    Optional<SequenceNode> list(Node node, String key, String expected) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence);
        }
        error(DiagnosticCode.WRONG_NODE, node, expected, key, describe(node));
        return Optional.empty();
    }

    /** A positive decimal integer that fits an int. */
    Optional<Located<Integer>> positiveInteger(Node node, String key) {
        return scalar(node, key, "a positive decimal integer").flatMap(scalar -> {
            String text = scalar.getValue();
            if (!scalar.isPlain() || !Scalars.isPositiveInteger(text)) {
                error(DiagnosticCode.BAD_INTEGER, scalar, key, Scalars.shown(scalar));
                return Optional.empty();
            }
            OptionalInt value = Scalars.toInt(text);
            if (value.isEmpty()) {
                error(DiagnosticCode.INTEGER_TOO_LARGE, scalar, Integer.MAX_VALUE, key, Scalars.shown(scalar));
                return Optional.empty();
            }
            return Optional.of(new Located<>(value.getAsInt(), at(scalar)));
        });
    }

    /** A finite number. Whether it is in range for {@code key} is the validator's question. */
    Optional<Located<Double>> number(Node node, String key) {
        return scalar(node, key, "a finite number").flatMap(scalar -> {
            OptionalDouble value = scalar.isPlain() ? Scalars.number(scalar.getValue()) : OptionalDouble.empty();
            if (value.isEmpty()) {
                error(DiagnosticCode.BAD_NUMBER, scalar, "a finite number", key, Scalars.shown(scalar));
                return Optional.empty();
            }
            return Optional.of(new Located<>(value.getAsDouble(), at(scalar)));
        });
    }

    /** Exactly {@code true} or {@code false}, unquoted. */
    Optional<Located<Boolean>> bool(Node node, String key) {
        return scalar(node, key, "true or false").flatMap(scalar -> {
            Optional<Boolean> value = scalar.isPlain() ? Scalars.bool(scalar.getValue()) : Optional.empty();
            if (value.isEmpty()) {
                error(DiagnosticCode.BAD_BOOLEAN, scalar, key, Scalars.shown(scalar));
                return Optional.empty();
            }
            return Optional.of(new Located<>(value.get(), at(scalar)));
        });
    }

    /** A non-empty name, quoted or not. Whether it is a valid identifier is the validator's question. */
    Optional<Located<String>> name(Node node, String key) {
        return scalar(node, key, "a name").flatMap(scalar -> {
            if (scalar.getValue().isEmpty()) {
                error(DiagnosticCode.BAD_NAME, scalar, key, Scalars.shown(scalar));
                return Optional.empty();
            }
            return Optional.of(new Located<>(scalar.getValue(), at(scalar)));
        });
    }

    /** A list of names, or (when {@code singleAllowed}) one name standing for a list of one. */
    Optional<Names> names(Node node, String key, boolean singleAllowed) {
        if (singleAllowed && node instanceof ScalarNode) {
            return name(node, key).map(single -> new Names(single.at(), List.of(single)));
        }
        String expected = singleAllowed ? "a name or a list of names" : "a list of names";
        return list(node, key, expected).flatMap(sequence -> {
            List<Located<String>> items = new ArrayList<>();
            boolean complete = true;
            for (Node item : sequence.getValue()) {
                Optional<Located<String>> name = name(item, key);
                name.ifPresent(items::add);
                complete &= name.isPresent();
            }
            return complete ? Optional.of(new Names(at(sequence), items)) : Optional.empty();
        });
    }

    /** One of {@code words}, spelt exactly; a near miss gets a did-you-mean. */
    <E> Optional<Located<E>> word(Node node, String key, YamlVocabulary.Words<E> words) {
        String expected = "one of " + String.join(", ", words.bySpelling().keySet());
        return scalar(node, key, expected).flatMap(scalar -> {
            Optional<E> value = words.find(scalar.getValue());
            if (value.isEmpty()) {
                String hint = Suggestions.didYouMean(
                        scalar.getValue(), words.bySpelling().keySet());
                error(words.unknown(), scalar, Scalars.shown(scalar), hint);
                return Optional.empty();
            }
            return Optional.of(new Located<>(value.get(), at(scalar)));
        });
    }

    /** How a message names {@code node} after "found". */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return Scalars.isNothing(scalar) ? "nothing" : "'" + Scalars.shown(scalar) + "'";
    }

    /** {@code node} as a scalar with something in it; anything else is the wrong kind of node for {@code key}. */
    private Optional<ScalarNode> scalar(Node node, String key, String expected) {
        if (node instanceof ScalarNode scalar && !Scalars.isNothing(scalar)) {
            return Optional.of(scalar);
        }
        error(DiagnosticCode.WRONG_NODE, node, expected, key, describe(node));
        return Optional.empty();
    }
}
