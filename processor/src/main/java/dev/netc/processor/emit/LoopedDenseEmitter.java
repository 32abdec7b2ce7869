package dev.netc.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.netc.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of a looped dense layer's methods: one {@code DenseKernels} call per matrix product on the whole block,
 * and the activation, or its derivative, in a flat loop over the block's {@code rows * units} values. The kernels
 * reuse each weight they load across the rows of the block and keep one fixed summation order, so a result does not
 * depend on how many threads they use.
 */
final class LoopedDenseEmitter {

    static final ClassName KERNELS = ClassName.get("dev.netc.runtime.kernel", "DenseKernels");

    private final EmitPlan plan;

    LoopedDenseEmitter(EmitPlan plan) {
        this.plan = plan;
    }

    void forward(LayerPlan layer, MethodSpec.Builder method) {
        Activation activation = layer.dense().activation();
        String units = layer.unitsConstant();
        String target = layer.keepsPreActivations() ? "z" : "a";
        method.addStatement(kernel(
                "forward",
                "p",
                layer.weightsConstant(),
                bias(layer),
                inputSize(layer),
                units,
                "in",
                "inOffset",
                "rows",
                target));
        if (activation == Activation.SOFTMAX) {
            method.addComment("softmax of each sample: subtract the maximum for stability")
                    .beginControlFlow("for (int r = 0; r < rows; r++)")
                    .addStatement(
                            "$T.softmax(z, r * $N, a, r * $N, $N)", ActivationEmitter.ACTIVATIONS, units, units, units)
                    .endControlFlow();
        } else if (activation != Activation.LINEAR) {
            if (!layer.keepsPreActivations()) {
                method.addComment("$L in place: the layer's derivative needs only its output", activation.yamlName());
            }
            method.beginControlFlow("for (int k = 0; k < rows * $N; k++)", units)
                    .addStatement("a[k] = $L", ActivationEmitter.value(activation, CodeBlock.of("$N[k]", target)))
                    .endControlFlow();
        }
    }

    void backward(LayerPlan layer, DenseEmitter.Backward shape, MethodSpec.Builder method) {
        Activation activation = layer.dense().activation();
        String units = layer.unitsConstant();
        String inputs = inputSize(layer);
        if (!shape.fromLoss() && activation == Activation.SOFTMAX) {
            method.addComment("d becomes dLoss/dz, sample by sample")
                    .beginControlFlow("for (int r = 0; r < rows; r++)")
                    .addStatement(
                            "$T.softmaxBackward(a, r * $N, d, r * $N, $N)",
                            ActivationEmitter.ACTIVATIONS,
                            units,
                            units,
                            units)
                    .endControlFlow();
        } else if (!shape.fromLoss() && activation != Activation.LINEAR) {
            method.addComment("d becomes dLoss/dz")
                    .beginControlFlow("for (int k = 0; k < rows * $N; k++)", units)
                    .addStatement(
                            "d[k] = $L",
                            ActivationEmitter.times(
                                    CodeBlock.of("d[k]"), activation, CodeBlock.of("z[k]"), CodeBlock.of("a[k]")))
                    .endControlFlow();
        }
        method.addComment("g = the block's dz^T in, its samples summed in order; later blocks add theirs")
                .addStatement(kernel(
                        "gradient",
                        "d",
                        "in",
                        "inOffset",
                        "rows",
                        inputs,
                        units,
                        "g",
                        layer.weightsConstant(),
                        bias(layer),
                        "addGradient"));
        if (!shape.inputGradient()) {
            return;
        }
        if (shape.writesInput()) {
            method.addComment("dIn = dz W: the first gradient its input receives in this pass")
                    .addStatement(
                            kernel("inputGradient", "p", layer.weightsConstant(), inputs, units, "d", "rows", "dIn"));
        } else {
            method.addComment("dIn += dz W: its input has another reader, whose gradient is already there")
                    .addStatement(kernel(
                            "inputGradient", "p", layer.weightsConstant(), inputs, units, "d", "rows", "scratch"))
                    .beginControlFlow("for (int k = 0; k < rows * $N; k++)", inputs)
                    .addStatement("dIn[k] += scratch[k]")
                    .endControlFlow();
        }
    }

    /** {@code DenseKernels.<method>(arguments)}, wrapped between arguments where the line is long. */
    private static CodeBlock kernel(String method, Object... arguments) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (Object argument : arguments) {
            blocks.add(argument instanceof CodeBlock block ? block : CodeBlock.of("$N", argument));
        }
        return CodeBlock.of("$T.$N($L)", KERNELS, method, CodeBlock.join(blocks, ",$W"));
    }

    /** The bias offset, or {@code -1} for a layer without one, as the kernels take it. */
    private static CodeBlock bias(LayerPlan layer) {
        return layer.hasBias() ? CodeBlock.of("$N", layer.biasConstant()) : CodeBlock.of("-1 /* no bias */");
    }

    private String inputSize(LayerPlan layer) {
        return plan.sizeConstant(EmitPlan.input(layer));
    }
}
