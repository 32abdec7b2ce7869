package dev.netc.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import dev.netc.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of an unrolled dense layer's methods: straight-line code with locals named after the layers (one
 * statement per unit forward, one per weight backward), run once per sample of the block, which moves through the
 * batch-major fields by row offsets ({@code inRow}, {@code outRow}). Its sums are also the direct {@code predict}'s
 * ({@link DirectPredictEmitter}), so both compute the same floats in the same order.
 */
final class UnrolledDenseEmitter {

    /** Names the bodies use besides the method parameters; a local named after a layer never takes one. */
    private static final List<String> RESERVED =
            List.of("p", "in", "inOffset", "rows", "z", "a", "d", "g", "dIn", "r", "inRow", "outRow", "dInRow");

    private final EmitPlan plan;

    UnrolledDenseEmitter(EmitPlan plan) {
        this.plan = plan;
    }

    /**
     * {@code bias + w0 * in0 + w1 * in1 + ...} of unit {@code unit}, reading the parameters from {@code parameters} and
     * the input from {@code inputs}, the locals holding it, in order.
     */
    static CodeBlock preActivation(LayerPlan layer, String parameters, List<String> inputs, int unit) {
        List<CodeBlock> terms = new ArrayList<>();
        if (layer.hasBias()) {
            terms.add(CodeBlock.of("$N[$L]", parameters, Literals.offset(layer.biasConstant(), unit)));
        }
        for (int i = 0; i < inputs.size(); i++) {
            terms.add(CodeBlock.of(
                    "$N[$L] * $N",
                    parameters,
                    Literals.offset(layer.weightsConstant(), unit * inputs.size() + i),
                    inputs.get(i)));
        }
        return CodeBlock.join(terms, " +$W");
    }

    /**
     * The suggested name of the local holding input {@code i} of a layer reading {@code input}: the feature's name, or
     * {@code x0...} for the network input; {@code hidden0...} for a layer.
     */
    static String inputLocal(EmitPlan plan, String input, int i) {
        List<String> features = plan.network().spec().input().features();
        if (!EmitPlan.isInput(input)) {
            return input + i;
        }
        return features.isEmpty() ? "x" + i : Literals.lowerCamel(features.get(i));
    }

    void forward(LayerPlan layer, MethodSpec.Builder method) {
        NameAllocator names = names();
        Activation activation = layer.dense().activation();
        method.addComment("straight-line code, once per sample of the block")
                .beginControlFlow("for (int r = 0; r < rows; r++)");
        List<String> inputs = inputLocals(layer, method, names);
        method.addStatement("int outRow = r * $N", layer.unitsConstant());
        for (int o = 0; o < layer.size(); o++) {
            String z = names.newName("z" + Literals.capitalize(layer.name()) + o);
            method.addStatement("float $N = $L", z, preActivation(layer, "p", inputs, o));
            if (layer.keepsPreActivations()) {
                method.addStatement("z[$L] = $N", Literals.offset("outRow", o), z);
            }
            if (activation != Activation.SOFTMAX) {
                method.addStatement(
                        "a[$L] = $L",
                        Literals.offset("outRow", o),
                        ActivationEmitter.value(activation, CodeBlock.of("$N", z)));
            }
        }
        if (activation == Activation.SOFTMAX) {
            method.addComment("softmax: subtract the maximum for stability")
                    .addStatement(
                            "$T.softmax(z, outRow, a, outRow, $N)",
                            ActivationEmitter.ACTIVATIONS,
                            layer.unitsConstant());
        }
        method.endControlFlow();
    }

    void backward(LayerPlan layer, DenseEmitter.Backward shape, MethodSpec.Builder method) {
        NameAllocator names = names();
        Activation activation = layer.dense().activation();
        method.addComment("straight-line code, once per sample of the block; g sums the samples in order")
                .beginControlFlow("for (int r = 0; r < rows; r++)");
        List<String> inputs = inputLocals(layer, method, names);
        method.addStatement("int outRow = r * $N", layer.unitsConstant());
        boolean applyDerivative = !shape.fromLoss() && activation != Activation.SOFTMAX;
        if (!shape.fromLoss() && activation == Activation.SOFTMAX) {
            method.addStatement(
                    "$T.softmaxBackward(a, outRow, d, outRow, $N)",
                    ActivationEmitter.ACTIVATIONS,
                    layer.unitsConstant());
        }
        List<String> dz = new ArrayList<>();
        for (int o = 0; o < layer.size(); o++) {
            String name = names.newName("dz" + Literals.capitalize(layer.name()) + o);
            CodeBlock at = Literals.offset("outRow", o);
            CodeBlock d = CodeBlock.of("d[$L]", at);
            method.addStatement(
                    "float $N = $L",
                    name,
                    applyDerivative
                            ? ActivationEmitter.times(
                                    d, activation, CodeBlock.of("z[$L]", at), CodeBlock.of("a[$L]", at))
                            : d);
            dz.add(name);
        }
        for (int o = 0; o < layer.size(); o++) {
            for (int i = 0; i < inputs.size(); i++) {
                method.addStatement(
                        "g[$L] += $N * $N",
                        Literals.offset(layer.weightsConstant(), o * inputs.size() + i),
                        dz.get(o),
                        inputs.get(i));
            }
            if (layer.hasBias()) {
                method.addStatement("g[$L] += $N", Literals.offset(layer.biasConstant(), o), dz.get(o));
            }
        }
        if (shape.inputGradient()) {
            method.addStatement("int dInRow = r * $N", plan.sizeConstant(EmitPlan.input(layer)));
            String operator = shape.writesInput() ? "=" : "+=";
            for (int i = 0; i < inputs.size(); i++) {
                List<CodeBlock> terms = new ArrayList<>();
                for (int o = 0; o < layer.size(); o++) {
                    terms.add(CodeBlock.of(
                            "$N * p[$L]", dz.get(o), Literals.offset(layer.weightsConstant(), o * inputs.size() + i)));
                }
                method.addStatement(
                        "dIn[$L] $L $L", Literals.offset("dInRow", i), operator, CodeBlock.join(terms, " +$W"));
            }
        }
        method.endControlFlow();
    }

    /** Reads sample {@code r} of the input into locals named after it ({@link #inputLocal}). */
    private List<String> inputLocals(LayerPlan layer, MethodSpec.Builder method, NameAllocator names) {
        String input = EmitPlan.input(layer);
        method.addStatement("int inRow = inOffset + r * $N", plan.sizeConstant(input));
        List<String> locals = new ArrayList<>();
        for (int i = 0; i < layer.inputSize(); i++) {
            String local = names.newName(inputLocal(plan, input, i));
            method.addStatement("float $N = in[$L]", local, Literals.offset("inRow", i));
            locals.add(local);
        }
        return locals;
    }

    /** A name allocator holding the parameters and the body's own names, so that no local can shadow one. */
    private static NameAllocator names() {
        NameAllocator names = new NameAllocator();
        RESERVED.forEach(names::newName);
        return names;
    }
}
