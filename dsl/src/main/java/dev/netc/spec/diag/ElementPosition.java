package dev.netc.spec.diag;

import java.util.Objects;

/**
 * A place in an annotated Java source: the element, which annotation on it, and which of its values. The handles are
 * opaque here ({@code dsl} never sees javac); the processor that made them turns them back into a diagnostic
 * position.
 *
 * @param handle the processor's own reference (element, annotation mirror, value and repeat index)
 * @param description readable form for messages printed outside javac, e.g. {@code com.example.Iris.predict()
 *     @Dense#2 units}
 */
public record ElementPosition(Object handle, String description) implements SourcePosition {

    public ElementPosition {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String describe() {
        return description;
    }
}
