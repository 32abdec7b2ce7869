package dev.netc.spec.diag;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The source positions of one spec node: the node itself and each of its attributes ({@code units}, {@code
 * activation}, ...), so a diagnostic can point at the exact value that is wrong.
 *
 * <p>All {@code Positions} are equal to each other: a spec record compares what it describes, not where it was
 * written, so the YAML and the annotated form of one network are equal.
 */
public final class Positions {

    /** For nodes built in code. */
    public static final Positions NONE = new Positions(SourcePosition.NONE, Map.of());

    private final SourcePosition node;
    private final Map<String, SourcePosition> attributes;

    private Positions(SourcePosition node, Map<String, SourcePosition> attributes) {
        this.node = Objects.requireNonNull(node, "node");
        this.attributes = attributes;
    }

    /** Positions of a node with no attribute positions recorded (yet). */
    public static Positions of(SourcePosition node) {
        return new Positions(node, Map.of());
    }

    /** A copy that also records where {@code attribute}'s value was written. */
    public Positions with(String attribute, SourcePosition position) {
        Map<String, SourcePosition> copy = new TreeMap<>(attributes);
        copy.put(attribute, Objects.requireNonNull(position, "position"));
        return new Positions(node, Map.copyOf(copy));
    }

    /** Where the node was written. */
    public SourcePosition node() {
        return node;
    }

    /**
     * Where {@code attribute}'s value was written. An attribute not written falls back to its parent ({@code
     * inputs.1} to {@code inputs}), and then to the node itself (a defaulted value is blamed on its node).
     */
    public SourcePosition of(String attribute) {
        String key = attribute;
        while (true) {
            SourcePosition position = attributes.get(key);
            if (position != null) {
                return position;
            }
            int dot = key.lastIndexOf('.');
            if (dot < 0) {
                return node;
            }
            key = key.substring(0, dot);
        }
    }

    /** Whether the attribute was written in the source rather than defaulted. */
    public boolean has(String attribute) {
        return attributes.containsKey(attribute);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Positions;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return node.describe();
    }
}
