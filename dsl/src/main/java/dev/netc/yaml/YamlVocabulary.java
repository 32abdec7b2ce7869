package dev.netc.yaml;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.Optimizer;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The words of the YAML form: the keys each section accepts (in documentation order, so "expected one of" lists read
 * naturally) and the spellings of activations, losses, initialisers and optimizer kinds. Unknown keys and words get
 * their did-you-mean from the right list here.
 */
final class YamlVocabulary {

    /** Keys of the spec's top-level mapping. */
    static final List<String> NETWORK = List.of(
            NetworkSpec.NAME,
            NetworkSpec.PACKAGE,
            NetworkSpec.INPUT,
            NetworkSpec.CLASSES,
            NetworkSpec.LAYERS,
            NetworkSpec.LOSS,
            NetworkSpec.OPTIMIZER,
            NetworkSpec.TRAINING);

    static final String DENSE = "dense";
    static final String CONCAT = "concat";
    static final String ADD = "add";

    /** The keys that say what a layer is; each layer has exactly one. */
    static final List<String> LAYER_KINDS = List.of(DENSE, CONCAT, ADD);

    /** Keys of a dense layer; {@code dense} holds its units. */
    static final List<String> DENSE_LAYER = List.of(
            DENSE,
            LayerSpec.NAME,
            LayerSpec.INPUTS,
            DenseSpec.ACTIVATION,
            DenseSpec.INIT,
            DenseSpec.USE_BIAS,
            DenseSpec.L2,
            DenseSpec.DROPOUT);

    static final Words<Activation> ACTIVATIONS =
            Words.of(DiagnosticCode.UNKNOWN_ACTIVATION, Activation.values(), Activation::yamlName);
    static final Words<Loss> LOSSES = Words.of(DiagnosticCode.UNKNOWN_LOSS, Loss.values(), Loss::yamlName);
    static final Words<Init> INITS = Words.of(DiagnosticCode.UNKNOWN_INIT, Init.values(), Init::yamlName);
    static final Words<Optimizer.Kind> OPTIMIZERS =
            Words.of(DiagnosticCode.UNKNOWN_OPTIMIZER, Optimizer.Kind.values(), Optimizer.Kind::yamlName);

    private YamlVocabulary() {}

    /** Keys of a concat or add layer: the kind, whose value lists the inputs, and a name. */
    static List<String> mergeLayer(String kind) {
        return List.of(kind, LayerSpec.NAME);
    }

    /**
     * The spellings of one enum, matched exactly (case included).
     *
     * @param unknown the code reported for a word not among them
     * @param bySpelling each constant under its spelling, in declaration order
     */
    record Words<E>(DiagnosticCode unknown, Map<String, E> bySpelling) {

        static <E> Words<E> of(DiagnosticCode unknown, E[] values, Function<E, String> spelling) {
            Map<String, E> bySpelling = new LinkedHashMap<>();
            for (E value : values) {
                bySpelling.put(spelling.apply(value), value);
            }
            return new Words<>(unknown, Collections.unmodifiableMap(bySpelling));
        }

        /** The constant spelt {@code word}, if any. */
        Optional<E> find(String word) {
            return Optional.ofNullable(bySpelling.get(word));
        }
    }
}
