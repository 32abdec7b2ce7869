package dev.netc;

import java.util.Locale;

/**
 * How a dense layer's weights are initialised (biases start at zero). Fan-in and fan-out are the layer's input and
 * output sizes; the formulas are PyTorch's {@code torch.nn.init} ones with gain 1 (Glorot) or sqrt(2) (He).
 */
public enum Init {
    /** All zeros. */
    ZEROS,
    /** Normal, mean 0, standard deviation 0.05 (Keras' {@code RandomNormal} default). */
    NORMAL,
    /** Uniform in [-0.05, 0.05] (Keras' {@code RandomUniform} default). */
    UNIFORM,
    /** Normal, standard deviation {@code sqrt(2 / (fanIn + fanOut))}. */
    GLOROT_NORMAL,
    /** Uniform in {@code +-sqrt(6 / (fanIn + fanOut))}; the default, as in Keras. */
    GLOROT_UNIFORM,
    /** Normal, standard deviation {@code sqrt(2 / fanIn)}. */
    HE_NORMAL,
    /** Uniform in {@code +-sqrt(6 / fanIn)}. */
    HE_UNIFORM;

    /** The spelling used in YAML specs and messages, for example {@code he_normal}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
