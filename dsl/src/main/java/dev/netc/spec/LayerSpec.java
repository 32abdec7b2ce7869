package dev.netc.spec;

import dev.netc.spec.diag.Positions;
import java.util.List;

/** One layer of a network. Layers name their inputs; an empty list means "wired by position" (see the validator). */
public sealed interface LayerSpec permits DenseSpec, ConcatSpec, AddSpec {

    /** Attribute key for the layer name. */
    String NAME = "name";
    /** Attribute key for the input list; element {@code i} is {@code inputs.i}. */
    String INPUTS = "inputs";

    /** The layer's name, unique in its network: a Java identifier. */
    String name();

    /** Names of the layers (or {@link InputSpec#NAME}) this layer reads, in order. */
    List<String> inputs();

    /** Where the layer and each of its attributes were written. */
    Positions positions();

    /** The kind as written in specs and messages: {@code dense}, {@code concat} or {@code add}. */
    String kind();

    /** The same layer reading {@code newInputs}. */
    LayerSpec withInputs(List<String> newInputs);
}
