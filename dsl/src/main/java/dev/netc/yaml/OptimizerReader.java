package dev.netc.yaml;

import dev.netc.Optimizer;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code optimizer:}, either a bare kind ({@code adam}) or a mapping from one kind to its options ({@code {sgd:
 * {learning_rate: 0.01}}}). The result starts from {@link OptimizerSpec#defaults} and applies each option written; an
 * option the kind does not take is an unknown key. Its node position is the kind's word.
 */
final class OptimizerReader {

    private OptimizerReader() {}

    /** The optimizer, or empty when something was reported. */
    static Optional<OptimizerSpec> read(Node node, NodeReader reader) {
        if (node instanceof MappingNode mapping) {
            return withOptions(mapping, reader);
        }
        if (node instanceof SequenceNode) {
            String expected = "an optimizer kind or a mapping from one kind to its options";
            reader.error(DiagnosticCode.WRONG_NODE, node, expected, NetworkSpec.OPTIMIZER, NodeReader.describe(node));
            return Optional.empty();
        }
        return reader.word(node, NetworkSpec.OPTIMIZER, YamlVocabulary.OPTIMIZERS)
                .map(kind -> OptimizerSpec.defaults(kind.value()).withPositions(Positions.of(kind.at())));
    }

    private static Optional<OptimizerSpec> withOptions(MappingNode mapping, NodeReader reader) {
        List<NodeTuple> entries = mapping.getValue();
        if (entries.size() != 1) {
            String found = entries.isEmpty() ? "an empty mapping" : "a mapping with " + entries.size() + " keys";
            reader.error(
                    DiagnosticCode.WRONG_NODE,
                    mapping,
                    "a mapping with exactly one optimizer kind",
                    NetworkSpec.OPTIMIZER,
                    found);
            return Optional.empty();
        }
        NodeTuple entry = entries.get(0);
        return reader.word(entry.getKeyNode(), NetworkSpec.OPTIMIZER, YamlVocabulary.OPTIMIZERS)
                .flatMap(kind -> options(kind, entry.getValueNode(), reader));
    }

    private static Optional<OptimizerSpec> options(Located<Optimizer.Kind> kind, Node node, NodeReader reader) {
        int before = reader.errorCount();
        String word = kind.value().yamlName();
        List<String> known = OptimizerSpec.options(kind.value());
        return reader.section(node, word, "optimizer " + word, known).flatMap(section -> {
            OptimizerSpec spec = OptimizerSpec.defaults(kind.value());
            Positions positions = Positions.of(kind.at());
            for (String option : known) {
                Optional<Located<Double>> value = section.value(option).flatMap(v -> reader.number(v, option));
                if (value.isPresent()) {
                    spec = spec.with(option, value.get().value());
                    positions = positions.with(option, value.get().at());
                }
            }
            return reader.errorCount() > before ? Optional.empty() : Optional.of(spec.withPositions(positions));
        });
    }
}
