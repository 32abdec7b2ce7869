package dev.netc.spec;

import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Objects;

/**
 * The network's input: a vector of {@code size} floats, optionally with a name per feature (the components of an
 * input record, or {@code input: [a, b]} in YAML).
 *
 * @param size number of features
 * @param features feature names, empty or exactly {@code size} of them
 * @param positions where the input was written ({@code features.i} for each name)
 */
public record InputSpec(int size, List<String> features, Positions positions) {

    /** The name by which graph layers refer to the network's input. */
    public static final String NAME = "input";
    /** Attribute key for {@link #size}. */
    public static final String SIZE = "size";
    /** Attribute key for the feature names; element {@code i} is {@code features.i}. */
    public static final String FEATURES = "features";

    public InputSpec {
        features = List.copyOf(features);
        Objects.requireNonNull(positions, "positions");
    }

    /** An input of {@code size} unnamed features. */
    public static InputSpec of(int size) {
        return new InputSpec(size, List.of(), Positions.NONE);
    }
}
