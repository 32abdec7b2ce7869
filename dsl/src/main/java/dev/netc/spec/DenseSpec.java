package dev.netc.spec;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Objects;

/**
 * A fully connected layer, {@code activation(W x + b)}, with {@code W} of shape [units][input size].
 *
 * @param name unique layer name
 * @param inputs the one layer it reads, or empty to be wired by position
 * @param units output size
 * @param activation applied to the pre-activations
 * @param init weight initialisation (biases start at zero)
 * @param useBias whether the layer has a bias
 * @param l2 L2 penalty on the weights ({@code l2 * sum(W^2)} is added to the loss)
 * @param dropout training-only dropout rate on the layer's output, in [0, 1)
 * @param positions where each attribute was written
 */
public record DenseSpec(
        String name,
        List<String> inputs,
        int units,
        Activation activation,
        Init init,
        boolean useBias,
        double l2,
        double dropout,
        Positions positions)
        implements LayerSpec {

    /** Attribute key for {@link #units} (written {@code dense:} in YAML). */
    public static final String UNITS = "units";
    /** Attribute key for {@link #activation}. */
    public static final String ACTIVATION = "activation";
    /** Attribute key for {@link #init}. */
    public static final String INIT = "init";
    /** Attribute key for {@link #useBias}. */
    public static final String USE_BIAS = "use_bias";
    /** Attribute key for {@link #l2}. */
    public static final String L2 = "l2";
    /** Attribute key for {@link #dropout}. */
    public static final String DROPOUT = "dropout";

    /** The defaults a dense layer takes when the spec does not say. */
    public static final Activation DEFAULT_ACTIVATION = Activation.LINEAR;

    public static final Init DEFAULT_INIT = Init.GLOROT_UNIFORM;

    public DenseSpec {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(positions, "positions");
    }

    /** A dense layer with every default: linear, Glorot-uniform, with bias, no L2, no dropout. */
    public static DenseSpec of(String name, int units, Activation activation) {
        return new DenseSpec(name, List.of(), units, activation, DEFAULT_INIT, true, 0, 0, Positions.NONE);
    }

    @Override
    public String kind() {
        return "dense";
    }

    @Override
    public DenseSpec withInputs(List<String> newInputs) {
        return new DenseSpec(name, newInputs, units, activation, init, useBias, l2, dropout, positions);
    }
}
