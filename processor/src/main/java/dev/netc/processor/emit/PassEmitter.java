package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the two passes over a block of samples and the per-layer methods they call: {@code forward(p, x, xOffset,
 * rows, w)} runs each layer on the block in evaluation order, reading the network input in place from {@code
 * x[xOffset]}; {@code backward(p, x, xOffset, rows, w, g[, addGradient])} runs them in reverse, after {@code loss}
 * has written the output's gradient, each layer putting its parameters' gradient in {@code g} (looped layers write it
 * unless {@code addGradient}, unrolled ones add it) and giving its inputs theirs. Per layer,
 * in evaluation order: forward, backward and penalty ({@link DenseEmitter}, {@link MergeEmitter}); then the loss
 * ({@link LossEmitter}).
 */
final class PassEmitter {

    private static final ClassName DROPOUT = ClassName.get("dev.netc.runtime", "Dropout");

    private final EmitPlan plan;
    private final ClassName workspace;
    private final DenseEmitter dense;
    private final MergeEmitter merge;

    PassEmitter(EmitPlan plan, ClassName workspace) {
        this.plan = plan;
        this.workspace = workspace;
        this.dense = new DenseEmitter(plan);
        this.merge = new MergeEmitter(plan);
    }

    /** The passes, then the layers' methods, then the loss. */
    List<MethodSpec> all() {
        List<MethodSpec> methods = new ArrayList<>(List.of(forward()));
        if (plan.hasDropout()) {
            methods.add(trainingForward());
        }
        methods.add(backward());
        for (LayerPlan layer : plan.layers()) {
            if (layer.isDense()) {
                methods.add(dense.forward(layer));
                methods.add(dense.backward(layer));
                if (layer.dense().l2() > 0) {
                    methods.add(dense.penalty(layer));
                }
            } else {
                methods.add(merge.forward(layer));
                methods.add(merge.backward(layer));
            }
        }
        methods.add(new LossEmitter(plan).loss());
        return methods;
    }

    private MethodSpec forward() {
        MethodSpec.Builder method = pass("forward").addComment("layers in evaluation order, each on the whole block");
        for (LayerPlan layer : plan.layers()) {
            method.addStatement("$L", forwardCall(layer, false));
        }
        return method.build();
    }

    /**
     * {@code trainingForward(p, x, xOffset, rows, w, dropout, dropoutSeed, first)}: {@code forward} as a training
     * step runs it, each dropout layer's output then dropped into a field of its own for the layers that read it
     * (copied unchanged without {@code dropout}); the layer keeps its output as it was for its own derivative.
     */
    private MethodSpec trainingForward() {
        MethodSpec.Builder method = dropoutParameters(pass("trainingForward"))
                .addComment("layers in evaluation order, each on the whole block; a layer with dropout then writes")
                .addComment("its output after dropout (samples first.., masks from dropoutSeed) for its readers");
        for (LayerPlan layer : plan.layers()) {
            method.addStatement("$L", forwardCall(layer, true));
            if (layer.hasDropout()) {
                method.addStatement(
                        "$T.forward(dropout, dropoutSeed, $L, $N, first,$Wrows, $N, w.$N, w.$N)",
                        DROPOUT,
                        layer.denseIndex(),
                        layer.dropoutConstant(),
                        layer.unitsConstant(),
                        layer.activations(),
                        layer.dropped());
            }
        }
        return method.build();
    }

    private CodeBlock forwardCall(LayerPlan layer, boolean training) {
        return layer.isDense() ? dense.forwardCall(layer, training) : merge.forwardCall(layer, training);
    }

    private MethodSpec backward() {
        MethodSpec.Builder method = pass("backward").addParameter(DenseEmitter.FLOATS, "g");
        if (!plan.everyDenseLayerUnrolled()) {
            method.addParameter(boolean.class, "addGradient");
        }
        if (plan.hasDropout()) {
            dropoutParameters(method);
        }
        method.addComment("layers in reverse order; loss() wrote the output's gradient, and each layer writes or")
                .addComment("adds its inputs' (the first to reach an input writes, which clears the last block's)");
        if (plan.hasDropout()) {
            method.addComment("a layer with dropout first turns the gradient its readers gave into its own");
        }
        List<LayerPlan> layers = plan.layers();
        for (int index = layers.size() - 1; index >= 0; index--) {
            LayerPlan layer = layers.get(index);
            if (layer.hasDropout()) {
                method.addStatement(
                        "$T.backward(dropout, dropoutSeed, $L, $N, first,$Wrows, $N, w.$N)",
                        DROPOUT,
                        layer.denseIndex(),
                        layer.dropoutConstant(),
                        layer.unitsConstant(),
                        layer.gradient());
            }
            method.addStatement("$L", layer.isDense() ? dense.backwardCall(layer) : merge.backwardCall(layer));
        }
        return method.build();
    }

    /** Whether to apply dropout, the step's seed of its masks, and the index of the block's first sample in the call. */
    private static MethodSpec.Builder dropoutParameters(MethodSpec.Builder method) {
        return method.addParameter(boolean.class, "dropout")
                .addParameter(long.class, "dropoutSeed")
                .addParameter(int.class, "first");
    }

    private MethodSpec.Builder pass(String name) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(PRIVATE, STATIC)
                .addParameter(DenseEmitter.FLOATS, "p")
                .addParameter(DenseEmitter.FLOATS, "x")
                .addParameter(int.class, "xOffset")
                .addParameter(int.class, "rows")
                .addParameter(workspace, "w");
    }
}
