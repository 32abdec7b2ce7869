package dev.netc;

import java.util.Locale;

/** The activation a dense layer applies to its pre-activations. PyTorch's definitions and defaults. */
public enum Activation {
    /** Identity: {@code a = z}. */
    LINEAR,
    /** {@code 1 / (1 + exp(-z))}. */
    SIGMOID,
    /** Hyperbolic tangent. */
    TANH,
    /** {@code max(z, 0)}. */
    RELU,
    /** {@code z} for positive {@code z}, {@code 0.01 z} otherwise (PyTorch's default slope). */
    LEAKY_RELU,
    /** {@code z} for positive {@code z}, {@code exp(z) - 1} otherwise (alpha 1). */
    ELU,
    /** Exact GELU, {@code z * Phi(z)} with the normal CDF computed through {@code erf}. */
    GELU,
    /** {@code log(1 + exp(z))} (beta 1). */
    SOFTPLUS,
    /** Normalised exponentials over the layer's units; allowed on the output layer only. */
    SOFTMAX;

    /** The spelling used in YAML specs and messages, for example {@code leaky_relu}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
