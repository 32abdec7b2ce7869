package dev.netc.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.netc.Activation;
import java.util.Optional;

/**
 * Writes an element-wise activation and its derivative as expressions, side by side. Relu and leaky relu are inline
 * (but for relu's derivative, which has a form C2 vectorises); the rest call {@code dev.netc.runtime.Activations},
 * which holds their stable forms. The derivative is written from
 * the activation {@code a} wherever that is exact, so that most layers need not keep their pre-activations: relu, leaky
 * relu and elu are positive exactly where {@code z} is, which is where their derivative is 1 (PyTorch's choices at the
 * kinks, relu'(0) = 0 and leaky'(0) = slope, as in the reference); sigmoid and tanh have derivatives in {@code a}. Only
 * gelu and softplus read {@code z}. Softmax works on a whole row and is written by the dense emitters instead.
 */
final class ActivationEmitter {

    static final ClassName ACTIVATIONS = ClassName.get("dev.netc.runtime", "Activations");

    private ActivationEmitter() {}

    /** {@code activation(z)}; {@code z} must be a local or an array element (it may be read twice). */
    static CodeBlock value(Activation activation, CodeBlock z) {
        return switch (activation) {
            case LINEAR -> z;
            case SIGMOID -> call("sigmoid", z);
            case TANH -> call("tanh", z);
            case RELU -> CodeBlock.of("$T.max($L, 0f)", Math.class, z);
            case LEAKY_RELU -> CodeBlock.of("$L > 0f ? $L : $T.LEAKY_SLOPE * $L", z, z, ACTIVATIONS, z);
            case ELU -> call("elu", z);
            case GELU -> call("gelu", z);
            case SOFTPLUS -> call("softplus", z);
            case SOFTMAX -> throw new IllegalArgumentException("softmax works on a whole layer, not on one unit");
        };
    }

    /** Whether the derivative is written from the pre-activation {@code z} (gelu, softplus) rather than {@code a}. */
    static boolean derivativeReadsZ(Activation activation) {
        return activation == Activation.GELU || activation == Activation.SOFTPLUS;
    }

    /** Whether the derivative (or softmax's backward pass) reads {@code a}: all but linear, gelu and softplus. */
    static boolean derivativeReadsA(Activation activation) {
        return activation != Activation.LINEAR && !derivativeReadsZ(activation);
    }

    /**
     * The factor {@code d activation / dz} at {@code z}, where the activation took the value {@code a}; empty for
     * linear, whose factor is 1. Arguments must be locals or array elements; {@code z} is read only when {@link
     * #derivativeReadsZ} says so.
     */
    static Optional<CodeBlock> derivative(Activation activation, CodeBlock z, CodeBlock a) {
        return Optional.ofNullable(
                switch (activation) {
                    case LINEAR -> null;
                    case SIGMOID -> CodeBlock.of("$L * (1f - $L)", a, a);
                    case TANH -> CodeBlock.of("(1f - $L * $L)", a, a);
                    case RELU -> call("reluDerivative", a);
                    case LEAKY_RELU -> CodeBlock.of("($L > 0f ? 1f : $T.LEAKY_SLOPE)", a, ACTIVATIONS);
                    case ELU -> CodeBlock.of("($L > 0f ? 1f : $L + 1f)", a, a); // exp(z) = expm1(z) + 1
                    case GELU -> call("geluDerivative", z);
                    case SOFTPLUS -> call("sigmoid", z);
                    case SOFTMAX -> throw new IllegalArgumentException(
                            "softmax works on a whole layer, not on one unit");
                });
    }

    /** {@code d * derivative}, or {@code d} for linear. */
    static CodeBlock times(CodeBlock d, Activation activation, CodeBlock z, CodeBlock a) {
        return derivative(activation, z, a)
                .map(factor -> CodeBlock.of("$L * $L", d, factor))
                .orElse(d);
    }

    private static CodeBlock call(String method, CodeBlock z) {
        return CodeBlock.of("$T.$N($L)", ACTIVATIONS, method, z);
    }
}
