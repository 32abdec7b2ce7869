package dev.netc.spec.diag;

/**
 * Where a piece of a spec came from: a place in a YAML file, an annotated element, or nowhere (a spec built in code).
 * Positions are metadata: they never take part in the equality of spec records.
 */
public sealed interface SourcePosition permits FilePosition, ElementPosition, SourcePosition.None {

    /** The position of things that have no source, such as specs built in code or defaults. */
    SourcePosition NONE = new None();

    /** Human-readable form used when a position is printed outside javac, for example {@code iris.yaml:3:5}. */
    String describe();

    /** The position of a spec built in code. */
    record None() implements SourcePosition {
        @Override
        public String describe() {
            return "<no source>";
        }
    }
}
