package dev.netc.spec;

import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Objects;

/**
 * A merge: Joins its inputs end to end; its size is the sum of theirs. No parameters.
 *
 * @param name unique layer name
 * @param inputs the layers it merges, at least two
 * @param positions where each attribute was written
 */
public record ConcatSpec(String name, List<String> inputs, Positions positions) implements LayerSpec {

    public ConcatSpec {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(positions, "positions");
    }

    @Override
    public String kind() {
        return "concat";
    }

    @Override
    public ConcatSpec withInputs(List<String> newInputs) {
        return new ConcatSpec(name, newInputs, positions);
    }
}
