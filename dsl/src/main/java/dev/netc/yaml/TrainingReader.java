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
                    Optional<Located<Integer>> epochs = section.value(TrainingSpec.EPOCHS)
                            .flatMap(v -> reader.positiveInteger(v, TrainingSpec.EPOCHS));
                    if (epochs.isPresent()) {
                        spec = spec.withEpochs(epochs.get().value());
                        positions =
                                positions.with(TrainingSpec.EPOCHS, epochs.get().at());
                    }
                    Optional<Located<Integer>> batchSize = section.value(TrainingSpec.BATCH_SIZE)
                            .flatMap(v -> reader.positiveInteger(v, TrainingSpec.BATCH_SIZE));
                    if (batchSize.isPresent()) {
                        spec = spec.withBatchSize(batchSize.get().value());
                        positions = positions.with(
                                TrainingSpec.BATCH_SIZE, batchSize.get().at());
                    }
                    return reader.errorCount() > before ? Optional.empty() : Optional.of(spec.withPositions(positions));
                });
    }
}
