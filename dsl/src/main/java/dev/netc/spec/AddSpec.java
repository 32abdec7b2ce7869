package dev.netc.spec;

import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Objects;

/**
 * A merge: Sums its inputs element by element; they must have one size, which is its size. No parameters.
 *
 * @param name unique layer name
 * @param inputs the layers it merges, at least two
 * @param positions where each attribute was written
 */
public record AddSpec(String name, List<String> inputs, Positions positions) implements LayerSpec {

    public AddSpec {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(positions, "positions");
    }

    @Override
    public String kind() {
        return "add";
    }

    @Override
    public AddSpec withInputs(List<String> newInputs) {
        return new AddSpec(name, newInputs, positions);
    }
}
