package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
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
        List<MethodSpec> methods = new ArrayList<>(List.of(forward(), backward()));
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
            method.addStatement("$L", layer.isDense() ? dense.forwardCall(layer) : merge.forwardCall(layer));
        }
        return method.build();
    }

    private MethodSpec backward() {
        MethodSpec.Builder method = pass("backward").addParameter(DenseEmitter.FLOATS, "g");
        if (!plan.everyDenseLayerUnrolled()) {
            method.addParameter(boolean.class, "addGradient");
        }
        method.addComment("layers in reverse order; loss() wrote the output's gradient, and each layer writes or")
                .addComment("adds its inputs' (the first to reach an input writes, which clears the last block's)");
        List<LayerPlan> layers = plan.layers();
        for (int index = layers.size() - 1; index >= 0; index--) {
            LayerPlan layer = layers.get(index);
            method.addStatement("$L", layer.isDense() ? dense.backwardCall(layer) : merge.backwardCall(layer));
        }
        return method.build();
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
