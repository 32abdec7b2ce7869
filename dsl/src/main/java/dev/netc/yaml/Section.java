package dev.netc.yaml;

import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * One mapping of a spec (the spec itself, a layer, an optimizer's options) whose keys were checked against the
 * vocabulary: it holds the known keys only, each once.
 *
 * @param label how messages name the section, for example {@code dense layer 'hidden'}
 * @param node the mapping
 * @param entries each known key's entry
 */
record Section(String label, MappingNode node, Map<String, NodeTuple> entries) {

    Section {
        entries = Map.copyOf(entries);
    }

    /** The value of {@code key}, if it was written. */
    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }
}
