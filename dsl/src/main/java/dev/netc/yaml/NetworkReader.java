package dev.netc.yaml;

import dev.netc.Loss;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a composed spec's top-level mapping into a {@link NetworkSpec}, with the position of every value. It reads
 * every key before giving up, so one pass reports all of a spec's mistakes; {@link LayerReader} and {@link
 * OptimizerReader} read the two nested parts.
 */
final class NetworkReader {

    private static final String SECTION = "the network spec";

    private NetworkReader() {}

    /**
     * The spec whose top-level node is {@code root}.
     *
     * @param fileLabel how messages name the file, should its top level not be a mapping
     * @return the spec, or empty when something was reported
     */
    static Optional<NetworkSpec> read(Node root, String fileLabel, NodeReader reader) {
        Optional<Section> maybeSpec = reader.section(root, fileLabel, SECTION, YamlVocabulary.NETWORK);
        if (maybeSpec.isEmpty()) {
            return Optional.empty();
        }
        Section spec = maybeSpec.get();
        Optional<Located<String>> name = reader.required(spec, NetworkSpec.NAME, " (the generated class's name)")
                .flatMap(v -> reader.name(v, NetworkSpec.NAME));
        Optional<Located<String>> packageName = reader.required(
                        spec, NetworkSpec.PACKAGE, " (the generated class's package)")
                .flatMap(v -> reader.name(v, NetworkSpec.PACKAGE));
        Optional<Node> inputNode =
                reader.required(spec, NetworkSpec.INPUT, " (the input size, or a list of feature names)");
        Optional<InputSpec> input = inputNode.flatMap(v -> input(v, reader));
        Optional<Names> classes =
                spec.value(NetworkSpec.CLASSES).flatMap(v -> reader.names(v, NetworkSpec.CLASSES, false));
        Optional<Node> layersNode = reader.required(spec, NetworkSpec.LAYERS, " (a list of layers)");
        Optional<List<LayerSpec>> layers = layersNode
                .flatMap(v -> reader.list(v, NetworkSpec.LAYERS, "a list of layers"))
                .map(sequence -> LayerReader.read(sequence, reader));
        String losses = String.join(", ", YamlVocabulary.LOSSES.bySpelling().keySet());
        Optional<Located<Loss>> loss = reader.required(spec, NetworkSpec.LOSS, " (one of " + losses + ")")
                .flatMap(v -> reader.word(v, NetworkSpec.LOSS, YamlVocabulary.LOSSES));
        Optional<Node> optimizerNode = spec.value(NetworkSpec.OPTIMIZER);
        Optional<OptimizerSpec> optimizer = optimizerNode.flatMap(v -> OptimizerReader.read(v, reader));
        Optional<Node> trainingNode = spec.value(NetworkSpec.TRAINING);
        Optional<TrainingSpec> training = trainingNode.flatMap(v -> TrainingReader.read(v, reader));
        if (reader.errorCount() > 0) {
            reader.noteUnreported();
            return Optional.empty();
        }
        Positions positions = Positions.of(reader.at(root));
        positions = Located.record(positions, NetworkSpec.NAME, name);
        positions = Located.record(positions, NetworkSpec.PACKAGE, packageName);
        positions = positions.with(NetworkSpec.INPUT, reader.at(inputNode.orElseThrow()));
        positions = Names.record(positions, NetworkSpec.CLASSES, classes);
        positions = positions.with(NetworkSpec.LAYERS, reader.at(layersNode.orElseThrow()));
        positions = Located.record(positions, NetworkSpec.LOSS, loss);
        if (optimizerNode.isPresent()) {
            positions = positions.with(NetworkSpec.OPTIMIZER, reader.at(optimizerNode.get()));
        }
        if (trainingNode.isPresent()) {
            positions = positions.with(NetworkSpec.TRAINING, reader.at(trainingNode.get()));
        }
        return Optional.of(new NetworkSpec(
                name.orElseThrow().value(),
                packageName.orElseThrow().value(),
                input.orElseThrow(),
                layers.orElseThrow(),
                loss.orElseThrow().value(),
                optimizer,
                training,
                classes.map(Names::values).orElse(List.of()),
                positions));
    }

    /** {@code input:} is a size ({@code 4}) or the feature names ({@code [sepal_length, ...]}). */
    private static Optional<InputSpec> input(Node node, NodeReader reader) {
        if (node instanceof SequenceNode) {
            return reader.names(node, NetworkSpec.INPUT, false)
                    .map(features -> new InputSpec(
                            features.items().size(),
                            features.values(),
                            features.recordIn(
                                    Positions.of(features.at()).with(InputSpec.SIZE, features.at()),
                                    InputSpec.FEATURES)));
        }
        if (node instanceof MappingNode) {
            String expected = "a positive decimal integer or a list of feature names";
            reader.error(DiagnosticCode.WRONG_NODE, node, expected, NetworkSpec.INPUT, NodeReader.describe(node));
            return Optional.empty();
        }
        return reader.positiveInteger(node, NetworkSpec.INPUT)
                .map(size -> new InputSpec(
                        size.value(), List.of(), Positions.of(size.at()).with(InputSpec.SIZE, size.at())));
    }
}
