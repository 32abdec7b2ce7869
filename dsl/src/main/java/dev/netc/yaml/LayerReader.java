package dev.netc.yaml;

import static dev.netc.yaml.YamlVocabulary.DENSE;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.spec.AddSpec;
import dev.netc.spec.ConcatSpec;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Positions;
import dev.netc.spec.diag.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code layers} list. Each item is a mapping with exactly one of {@code dense} (its units), {@code concat}
 * or {@code add} (their inputs). An unnamed layer is named by its kind and 1-based index among the layers of that
 * kind in the order written, named ones included ({@code dense1}, {@code dense2}, {@code concat1}). Inputs are kept as
 * written: wiring them is the validator's job.
 */
final class LayerReader {

    private final NodeReader reader;
    private final Map<String, Integer> counts = new HashMap<>();

    private LayerReader(NodeReader reader) {
        this.reader = reader;
    }

    /** The layers that read cleanly, in order; the others have been reported. */
    static List<LayerSpec> read(SequenceNode layers, NodeReader reader) {
        LayerReader layerReader = new LayerReader(reader);
        List<LayerSpec> read = new ArrayList<>();
        for (Node item : layers.getValue()) {
            layerReader.layer(item).ifPresent(read::add);
        }
        return read;
    }

    private Optional<LayerSpec> layer(Node item) {
        if (!(item instanceof MappingNode mapping)) {
            String expected = "a layer such as {dense: 8}";
            reader.error(DiagnosticCode.WRONG_NODE, item, expected, NetworkSpec.LAYERS, NodeReader.describe(item));
            return Optional.empty();
        }
        return kind(mapping).flatMap(kind -> {
            String defaultName = kind + counts.merge(kind, 1, Integer::sum);
            String label = kind + " layer '" + writtenName(mapping).orElse(defaultName) + "'";
            return kind.equals(DENSE) ? dense(mapping, label, defaultName) : merge(mapping, kind, label, defaultName);
        });
    }

    private Optional<LayerSpec> dense(MappingNode mapping, String label, String defaultName) {
        int before = reader.errorCount();
        Section section = reader.section(mapping, NetworkSpec.LAYERS, label, YamlVocabulary.DENSE_LAYER)
                .orElseThrow(); // a mapping is always a section
        Optional<Located<Integer>> units =
                reader.positiveInteger(section.value(DENSE).orElseThrow(), DenseSpec.UNITS);
        Optional<Located<String>> name = section.value(LayerSpec.NAME).flatMap(v -> reader.name(v, LayerSpec.NAME));
        Optional<Names> inputs = section.value(LayerSpec.INPUTS).flatMap(v -> reader.names(v, LayerSpec.INPUTS, true));
        Optional<Located<Activation>> activation = section.value(DenseSpec.ACTIVATION)
                .flatMap(v -> reader.word(v, DenseSpec.ACTIVATION, YamlVocabulary.ACTIVATIONS));
        Optional<Located<Init>> init =
                section.value(DenseSpec.INIT).flatMap(v -> reader.word(v, DenseSpec.INIT, YamlVocabulary.INITS));
        Optional<Located<Boolean>> useBias =
                section.value(DenseSpec.USE_BIAS).flatMap(v -> reader.bool(v, DenseSpec.USE_BIAS));
        Optional<Located<Double>> l2 = section.value(DenseSpec.L2).flatMap(v -> reader.number(v, DenseSpec.L2));
        Optional<Located<Double>> dropout =
                section.value(DenseSpec.DROPOUT).flatMap(v -> reader.number(v, DenseSpec.DROPOUT));
        if (reader.errorCount() > before) {
            return Optional.empty();
        }
        Positions positions = Positions.of(reader.at(mapping));
        positions = Located.record(positions, DenseSpec.UNITS, units);
        positions = Located.record(positions, LayerSpec.NAME, name);
        positions = Names.record(positions, LayerSpec.INPUTS, inputs);
        positions = Located.record(positions, DenseSpec.ACTIVATION, activation);
        positions = Located.record(positions, DenseSpec.INIT, init);
        positions = Located.record(positions, DenseSpec.USE_BIAS, useBias);
        positions = Located.record(positions, DenseSpec.L2, l2);
        positions = Located.record(positions, DenseSpec.DROPOUT, dropout);
        return Optional.of(new DenseSpec(
                name.map(Located::value).orElse(defaultName),
                inputs.map(Names::values).orElse(List.of()),
                units.orElseThrow().value(),
                activation.map(Located::value).orElse(DenseSpec.DEFAULT_ACTIVATION),
                init.map(Located::value).orElse(DenseSpec.DEFAULT_INIT),
                useBias.map(Located::value).orElse(true),
                l2.map(Located::value).orElse(0.0),
                dropout.map(Located::value).orElse(0.0),
                positions));
    }

    private Optional<LayerSpec> merge(MappingNode mapping, String kind, String label, String defaultName) {
        int before = reader.errorCount();
        Section section = reader.section(mapping, NetworkSpec.LAYERS, label, YamlVocabulary.mergeLayer(kind))
                .orElseThrow(); // a mapping is always a section
        Optional<Names> inputs = reader.names(section.value(kind).orElseThrow(), kind, true);
        Optional<Located<String>> name = section.value(LayerSpec.NAME).flatMap(v -> reader.name(v, LayerSpec.NAME));
        if (reader.errorCount() > before) {
            return Optional.empty();
        }
        Positions positions = inputs.orElseThrow().recordIn(Positions.of(reader.at(mapping)), LayerSpec.INPUTS);
        positions = Located.record(positions, LayerSpec.NAME, name);
        String layerName = name.map(Located::value).orElse(defaultName);
        List<String> inputNames = inputs.orElseThrow().values();
        return Optional.of(
                kind.equals(YamlVocabulary.CONCAT)
                        ? new ConcatSpec(layerName, inputNames, positions)
                        : new AddSpec(layerName, inputNames, positions));
    }

    /** The layer's kind: its one key among dense, concat and add; none or several is reported. */
    private Optional<String> kind(MappingNode mapping) {
        List<ScalarNode> kinds = new ArrayList<>();
        List<ScalarNode> others = new ArrayList<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key) {
                (YamlVocabulary.LAYER_KINDS.contains(key.getValue()) ? kinds : others).add(key);
            }
        }
        if (kinds.size() == 1) {
            return Optional.of(kinds.get(0).getValue());
        }
        if (kinds.size() > 1) {
            String found =
                    "'" + kinds.get(0).getValue() + "' and '" + kinds.get(1).getValue() + "'";
            reader.error(DiagnosticCode.LAYER_KIND, kinds.get(1), found);
            return Optional.empty();
        }
        for (ScalarNode key : others) {
            Optional<String> nearMiss = Suggestions.closest(key.getValue(), YamlVocabulary.LAYER_KINDS);
            if (nearMiss.isPresent()) {
                String found = "'" + Scalars.shown(key) + "'; did you mean '" + nearMiss.get() + "'?";
                reader.error(DiagnosticCode.LAYER_KIND, key, found);
                return Optional.empty();
            }
        }
        String found = others.isEmpty()
                ? "an empty mapping"
                : "none (keys: "
                        + String.join(", ", others.stream().map(Scalars::shown).toList()) + ")";
        reader.error(DiagnosticCode.LAYER_KIND, mapping, found);
        return Optional.empty();
    }

    /** The layer's written name, if it has a usable one, so that messages about it can use it. */
    private static Optional<String> writtenName(MappingNode mapping) {
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key
                    && key.getValue().equals(LayerSpec.NAME)
                    && entry.getValueNode() instanceof ScalarNode value
                    && !value.getValue().isEmpty()) {
                return Optional.of(Scalars.shown(value.getValue()));
            }
        }
        return Optional.empty();
    }
}
