package dev.netc.yaml;

import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds a key given twice in one mapping. SnakeYAML's {@code compose()} keeps every key (only its object constructor
 * checks {@code allowDuplicateKeys}), and a repeated key would otherwise mean "the last one wins" without a word.
 */
final class DuplicateKeys {

    private DuplicateKeys() {}

    /**
     * Reports the first repeated key in document order, at the repetition, naming where it was first given. Like
     * every structural problem it is the spec's one diagnostic: which of the two values was meant is unknown.
     *
     * @return whether no key was repeated
     */
    static boolean check(Node root, Locator locator, Diagnostics diagnostics) {
        Optional<Repeat> repeat = firstRepeat(root);
        repeat.ifPresent(found -> diagnostics.error(
                DiagnosticCode.DUPLICATE_KEY,
                locator.at(found.again()),
                Scalars.shown(found.again()),
                locator.at(found.first()).describe()));
        return repeat.isEmpty();
    }

    /** A key and where it is given again. */
    private record Repeat(ScalarNode first, ScalarNode again) {}

    /** The first repeated key in document order; recursion is bounded, as {@link EventGuard} limited the depth. */
    private static Optional<Repeat> firstRepeat(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, ScalarNode> first = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    ScalarNode earlier = first.putIfAbsent(key.getValue(), key);
                    if (earlier != null) {
                        return Optional.of(new Repeat(earlier, key));
                    }
                }
                Optional<Repeat> nested = firstRepeat(entry.getKeyNode()).or(() -> firstRepeat(entry.getValueNode()));
                if (nested.isPresent()) {
                    return nested;
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                Optional<Repeat> nested = firstRepeat(item);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
