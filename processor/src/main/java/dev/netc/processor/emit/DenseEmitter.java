package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.Activation;
import dev.netc.spec.DenseSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a dense layer's methods, and the calls to them, side by side so that the two cannot disagree. Forward and
 * backward work on a block of samples stored batch-major (sample {@code r} of a layer's field from {@code r * units}):
 * forward computes {@code z = W in + b} and {@code a = activation(z)}; backward turns {@code d} into the gradient with
 * respect to {@code z}, adds the parameter gradient to {@code g} and gives the input's gradient. A layer at or below
 * the unroll limit is straight-line code run once per sample ({@link UnrolledDenseEmitter}); a larger one calls {@code
 * DenseKernels} on the whole block ({@link LoopedDenseEmitter}). The L2 penalty is written here.
 *
 * <p>Method parameters, in order, each present only when the layer needs it: {@code p} parameters; {@code in} and
 * {@code inOffset} the input's block (the network input is read in place, from the caller's offset; a layer's field
 * from 0); {@code rows} the samples in the block; {@code z} the pre-activations, when the layer keeps them; {@code a}
 * its output; {@code d} the loss gradient with respect to {@code a} (with respect to {@code z} when the loss supplies
 * that, computed from logits), which backward overwrites with the gradient with respect to {@code z}; {@code g} the
 * parameter gradient; {@code dIn} the input's gradient, written by the first reader the backward pass reaches and added
 * to by the others ({@link EmitPlan#writesGradient}); {@code scratch} where a looped layer that adds computes it first.
 */
final class DenseEmitter {

    static final TypeName FLOATS = TypeName.get(float[].class);

    private final EmitPlan plan;
    private final UnrolledDenseEmitter unrolled;
    private final LoopedDenseEmitter looped;

    DenseEmitter(EmitPlan plan) {
        this.plan = plan;
        this.unrolled = new UnrolledDenseEmitter(plan);
        this.looped = new LoopedDenseEmitter(plan);
    }

    /** What a layer's backward method reads and writes, which decides its parameters and arguments. */
    record Backward(boolean fromLoss, boolean readsZ, boolean readsA, boolean inputGradient, boolean writesInput) {

        /** Whether it adds its input gradient through the workspace's scratch field (looped layers only). */
        boolean addsThroughScratch(LayerPlan layer) {
            return inputGradient && !writesInput && !layer.unrolled();
        }
    }

    /** The backward shape of {@code layer}. */
    Backward backwardShape(LayerPlan layer) {
        Activation activation = layer.dense().activation();
        boolean fromLoss = layer == plan.output()
                && LossEmitter.fromLogits(plan.network().spec().loss());
        boolean inputGradient = !EmitPlan.isInput(EmitPlan.input(layer));
        return new Backward(
                fromLoss,
                !fromLoss && ActivationEmitter.derivativeReadsZ(activation),
                !fromLoss && ActivationEmitter.derivativeReadsA(activation),
                inputGradient,
                inputGradient && plan.writesGradient(layer, 0));
    }

    /** {@code <layer>Forward(p, in, inOffset, rows[, z], a)}. */
    MethodSpec forward(LayerPlan layer) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(layer.forwardMethod())
                .addModifiers(PRIVATE, STATIC)
                .addParameter(FLOATS, "p")
                .addParameter(FLOATS, "in")
                .addParameter(int.class, "inOffset")
                .addParameter(int.class, "rows");
        if (layer.keepsPreActivations()) {
            method.addParameter(FLOATS, "z");
        }
        method.addParameter(FLOATS, "a").addComment("$L", describe(layer));
        if (layer.unrolled()) {
            unrolled.forward(layer, method);
        } else {
            looped.forward(layer, method);
        }
        return method.build();
    }

    /**
     * {@code dense1Forward(p, x, xOffset, rows, w.dense1)}, as {@code forward} in the class calls it; in {@code
     * training}, as {@code trainingForward} does, reading an input layer's output after dropout.
     */
    CodeBlock forwardCall(LayerPlan layer, boolean training) {
        List<CodeBlock> arguments = new ArrayList<>(List.of(CodeBlock.of("p")));
        arguments.addAll(inputArguments(layer, training));
        arguments.add(CodeBlock.of("rows"));
        if (layer.keepsPreActivations()) {
            arguments.add(CodeBlock.of("w.$N", layer.preActivations()));
        }
        arguments.add(CodeBlock.of("w.$N", layer.activations()));
        return CodeBlock.of("$N($L)", layer.forwardMethod(), CodeBlock.join(arguments, ", "));
    }

    /**
     * {@code <layer>Backward(p, in, inOffset, rows[, z][, a], d, g[, addGradient][, dIn][, scratch])}; a looped layer
     * writes its parameter gradient, or adds to it when {@code addGradient}, an unrolled one always adds.
     */
    MethodSpec backward(LayerPlan layer) {
        Backward shape = backwardShape(layer);
        MethodSpec.Builder method = MethodSpec.methodBuilder(layer.backwardMethod())
                .addModifiers(PRIVATE, STATIC)
                .addParameter(FLOATS, "p")
                .addParameter(FLOATS, "in")
                .addParameter(int.class, "inOffset")
                .addParameter(int.class, "rows");
        if (shape.readsZ()) {
            method.addParameter(FLOATS, "z");
        }
        if (shape.readsA()) {
            method.addParameter(FLOATS, "a");
        }
        method.addParameter(FLOATS, "d").addParameter(FLOATS, "g");
        if (!layer.unrolled()) {
            method.addParameter(boolean.class, "addGradient");
        }
        if (shape.inputGradient()) {
            method.addParameter(FLOATS, "dIn");
        }
        if (shape.addsThroughScratch(layer)) {
            method.addParameter(FLOATS, "scratch");
        }
        method.addComment(
                "$L: gradient$L", describe(layer), shape.fromLoss() ? "; d is already dLoss/dz (from logits)" : "");
        if (layer.unrolled()) {
            unrolled.backward(layer, shape, method);
        } else {
            looped.backward(layer, shape, method);
        }
        return method.build();
    }

    /** {@code dense1Backward(p, x, xOffset, rows, w.dense1, w.dDense1, g)}, as {@code backward} calls it. */
    CodeBlock backwardCall(LayerPlan layer) {
        Backward shape = backwardShape(layer);
        List<CodeBlock> arguments = new ArrayList<>(List.of(CodeBlock.of("p")));
        arguments.addAll(inputArguments(layer, true));
        arguments.add(CodeBlock.of("rows"));
        if (shape.readsZ()) {
            arguments.add(CodeBlock.of("w.$N", layer.preActivations()));
        }
        if (shape.readsA()) {
            arguments.add(CodeBlock.of("w.$N", layer.activations()));
        }
        arguments.add(CodeBlock.of("w.$N", layer.gradient()));
        arguments.add(CodeBlock.of("g"));
        if (!layer.unrolled()) {
            arguments.add(CodeBlock.of("addGradient"));
        }
        if (shape.inputGradient()) {
            arguments.add(CodeBlock.of("w.$N", plan.layer(EmitPlan.input(layer)).gradient()));
        }
        if (shape.addsThroughScratch(layer)) {
            arguments.add(CodeBlock.of("w.$N", EmitPlan.SCRATCH_FIELD));
        }
        return CodeBlock.of("$N($L)", layer.backwardMethod(), CodeBlock.join(arguments, ", "));
    }

    /** {@code <layer>Penalty(p, g)}: returns {@code l2 * sum(W^2)} and adds {@code 2 l2 W} to {@code g}. */
    MethodSpec penalty(LayerPlan layer) {
        double l2 = layer.dense().l2();
        String weights = layer.weightsConstant();
        return MethodSpec.methodBuilder(layer.penaltyMethod())
                .addModifiers(PRIVATE, STATIC)
                .returns(double.class)
                .addParameter(FLOATS, "p")
                .addParameter(FLOATS, "g")
                .addComment("$L: L2 $L on its weights: loss += l2 * sum(w^2), gradient += 2 * l2 * w", layer.name(), l2)
                .addStatement("double sum = 0")
                .beginControlFlow(
                        "for (int i = $N; i < $N + $N * $N; i++)",
                        weights,
                        weights,
                        layer.unitsConstant(),
                        plan.sizeConstant(EmitPlan.input(layer)))
                .addStatement("sum += (double) p[i] * p[i]")
                .addStatement("g[i] += $L * p[i]", Literals.floatLiteral(2 * l2))
                .endControlFlow()
                .addStatement("return $L * sum", l2)
                .build();
    }

    /** The comment that opens each of the layer's methods: {@code hidden: dense 3 -> 4, tanh (unrolled)}. */
    static String describe(LayerPlan layer) {
        DenseSpec dense = layer.dense();
        return String.format(
                Locale.ROOT,
                "%s: dense %d -> %d, %s (%s)",
                layer.name(),
                layer.inputSize(),
                layer.size(),
                dense.activation().yamlName(),
                layer.unrolled() ? "unrolled" : "looped");
    }

    /**
     * {@code x, xOffset} for the network input, read in place; {@code w.<field>, 0} for a layer, its output after
     * dropout in {@code training} (the backward pass is training only).
     */
    private List<CodeBlock> inputArguments(LayerPlan layer, boolean training) {
        String input = EmitPlan.input(layer);
        if (EmitPlan.isInput(input)) {
            return List.of(CodeBlock.of("x"), CodeBlock.of("xOffset"));
        }
        return List.of(CodeBlock.of("w.$N", plan.layer(input).outputField(training)), CodeBlock.of("0"));
    }
}
