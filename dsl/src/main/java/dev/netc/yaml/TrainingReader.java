package dev.netc.yaml;

import dev.netc.spec.NetworkSpec;
import dev.netc.spec.TrainingSpec;
import dev.netc.spec.diag.Positions;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code training:}, a mapping of the training defaults ({@code {epochs: 200, batch_size: 8}}), each a positive
 * integer; an unknown key is reported with a did you mean.
 */
final class TrainingReader {

    private TrainingReader() {}

    /** The training defaults, or empty when something was reported. */
    static Optional<TrainingSpec> read(Node node, NodeReader reader) {
        int before = reader.errorCount();
        return reader.section(node, NetworkSpec.TRAINING, NetworkSpec.TRAINING, TrainingSpec.OPTIONS)
                .flatMap(section -> {
                    TrainingSpec spec = TrainingSpec.NONE;
                    Positions positions = Positions.of(reader.at(node));
                    for (String option : TrainingSpec.OPTIONS) {
                        Optional<Located<Integer>> value =
                                section.value(option).flatMap(v -> reader.positiveInteger(v, option));
                        if (value.isPresent()) {
                            spec = spec.with(option, value.get().value());
                            positions = positions.with(option, value.get().at());
                        }
                    }
                    return reader.errorCount() > before ? Optional.empty() : Optional.of(spec.withPositions(positions));
                });
    }
}
