package dev.netc.processor.emit;

import dev.netc.spec.DenseSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.ParameterLayout;
import java.util.Optional;

/**
 * One layer as the emitters see it: its spec, sizes, whether it is unrolled, where its parameters are, and every name
 * the generated class gives it, allocated once by {@link EmitPlan} so that no two names collide.
 *
 * @param spec the layer
 * @param constant prefix of its constants: {@code HIDDEN} for {@code HIDDEN_UNITS}, {@code HIDDEN_WEIGHTS}...
 * @param size its output size
 * @param inputSize its input size (a merge's is its output size)
 * @param parameters its slice of the parameters; empty for concat and add
 * @param denseIndex its index among the dense layers (the stream its weights are drawn from), or -1
 * @param unrolled whether it is straight-line code (dense layers at or below the unroll limit)
 * @param keepsPreActivations whether its pre-activations get a workspace field of their own: for dense layers whose
 *     activation's derivative is written from them (gelu, softplus), and for the output layer (the losses from logits
 *     and the typed {@code boolean} answer read them) unless it is linear; other layers compute them in their output
 *     field and apply the activation there, in place
 * @param activations workspace field holding its output, one block of samples batch-major
 * @param preActivations workspace field holding its pre-activations, when it keeps them
 * @param gradient workspace field holding the loss gradient with respect to its output
 * @param dropped workspace field holding its output after dropout, which the layers reading it read in training;
 *     empty for a layer without dropout
 * @param forwardMethod name of its forward method
 * @param backwardMethod name of its backward method
 * @param penaltyMethod name of its L2 penalty method (dense layers with an L2 penalty)
 */
record LayerPlan(
        LayerSpec spec,
        String constant,
        int size,
        int inputSize,
        Optional<ParameterLayout.Entry> parameters,
        int denseIndex,
        boolean unrolled,
        boolean keepsPreActivations,
        String activations,
        String preActivations,
        String gradient,
        String dropped,
        String forwardMethod,
        String backwardMethod,
        String penaltyMethod) {

    String name() {
        return spec.name();
    }

    /** {@code <CONSTANT>_UNITS}: the layer's output size. */
    String unitsConstant() {
        return constant + "_UNITS";
    }

    /** {@code <CONSTANT>_WEIGHTS}: offset of its weights. */
    String weightsConstant() {
        return constant + "_WEIGHTS";
    }

    /** {@code <CONSTANT>_BIAS}: offset of its bias. */
    String biasConstant() {
        return constant + "_BIAS";
    }

    /** {@code <CONSTANT>_DROPOUT}: its dropout rate. */
    String dropoutConstant() {
        return constant + "_DROPOUT";
    }

    /** Whether training drops some of its outputs: a dense layer with a dropout rate above 0. */
    boolean hasDropout() {
        return isDense() && dense().dropout() > 0;
    }

    /**
     * The workspace field that the layers reading this one read: its output, or in {@code training} its output after
     * dropout when it has dropout.
     */
    String outputField(boolean training) {
        return training && hasDropout() ? dropped : activations;
    }

    /** The workspace field its pre-activations are in: their own, or its output field (computed in place). */
    String preActivationsField() {
        return keepsPreActivations ? preActivations : activations;
    }

    /** The layer as a dense spec. */
    DenseSpec dense() {
        return (DenseSpec) spec;
    }

    boolean isDense() {
        return spec instanceof DenseSpec;
    }

    boolean hasBias() {
        return parameters.map(entry -> entry.bias() >= 0).orElse(false);
    }
}
