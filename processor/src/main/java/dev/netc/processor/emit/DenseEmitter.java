package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.netc.Activation;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a dense layer's methods: forward ({@code z = W in + b}, {@code a = activation(z)}), backward (the gradient of
 * its parameters, added to {@code g}, and of its input, added to {@code dIn}) and its L2 penalty. A layer at or below
 * the unroll limit is straight-line code with locals named after the layers; a larger one is two nested loops with
 * constant bounds whose inner loops run over contiguous memory (a weight row {@code p[row + i]}, the input {@code
 * in[i]}, a gradient row {@code g[row + i]}), the shape HotSpot's superword pass vectorises.
 *
 * <p>Method parameters, in order: {@code p} parameters, {@code in} the input's output, {@code z} and {@code a} the
 * layer's pre-activations and activations, {@code d} the loss gradient with respect to {@code a} (or to {@code z}
 * when the loss supplies it, computed from logits), {@code g} the parameter gradient, {@code dIn} the input's
 * gradient (absent when the input is the network input, whose gradient nobody needs).
 */
final class DenseEmitter {

    private static final TypeName FLOATS = TypeName.get(float[].class);
    private static final List<String> PARAMETERS = List.of("p", "in", "z", "a", "d", "g", "dIn");

    private final EmitPlan plan;

    DenseEmitter(EmitPlan plan) {
        this.plan = plan;
    }

    /** {@code <layer>Forward(p, in, z, a)}. */
    MethodSpec forward(LayerPlan layer) {
        MethodSpec.Builder method =
                method(layer.forwardMethod(), "p", "in", "z", "a").addComment("$L", describe(layer));
        if (layer.unrolled()) {
            unrolledForward(layer, method);
        } else {
            loopedForward(layer, method);
        }
        if (layer.dense().activation() == Activation.SOFTMAX) {
            method.addComment("softmax: subtract the maximum for stability")
                    .addStatement("$T.softmax(z, a, $N)", ActivationEmitter.ACTIVATIONS, layer.unitsConstant());
        }
        return method.build();
    }

    /**
     * {@code <layer>Backward(p, in, z, a, d, g[, dIn])}.
     *
     * @param fromLoss whether {@code d} already holds the gradient with respect to {@code z} (the loss was computed
     *     from the logits), so the activation's derivative is not applied
     */
    MethodSpec backward(LayerPlan layer, boolean fromLoss) {
        boolean hasInputGradient = !EmitPlan.isInput(input(layer));
        MethodSpec.Builder method = hasInputGradient
                ? method(layer.backwardMethod(), "p", "in", "z", "a", "d", "g", "dIn")
                : method(layer.backwardMethod(), "p", "in", "z", "a", "d", "g");
        method.addComment("$L: gradient$L", describe(layer), fromLoss ? "; d is already dLoss/dz (from logits)" : "");
        Activation activation = layer.dense().activation();
        boolean applyDerivative = !fromLoss && activation != Activation.SOFTMAX;
        if (!fromLoss && activation == Activation.SOFTMAX) {
            method.addStatement("$T.softmaxBackward(a, d, $N)", ActivationEmitter.ACTIVATIONS, layer.unitsConstant());
        }
        if (layer.unrolled()) {
            unrolledBackward(layer, method, applyDerivative, hasInputGradient);
        } else {
            loopedBackward(layer, method, applyDerivative, hasInputGradient);
        }
        return method.build();
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
                        inputSize(layer))
                .addStatement("sum += (double) p[i] * p[i]")
                .addStatement("g[i] += $L * p[i]", Literals.floatLiteral(2 * l2))
                .endControlFlow()
                .addStatement("return $L * sum", l2)
                .build();
    }

    /** The comment that opens each of the layer's methods: {@code hidden: dense 3 -> 4, tanh (unrolled)}. */
    String describe(LayerPlan layer) {
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

    private void unrolledForward(LayerPlan layer, MethodSpec.Builder method) {
        NameAllocator names = names();
        List<String> inputs = inputLocals(layer, method, names);
        Activation activation = layer.dense().activation();
        for (int o = 0; o < layer.size(); o++) {
            List<CodeBlock> terms = new ArrayList<>();
            if (layer.hasBias()) {
                terms.add(CodeBlock.of("p[$L]", Literals.offset(layer.biasConstant(), o)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                terms.add(CodeBlock.of(
                        "p[$L] * $N", Literals.offset(layer.weightsConstant(), o * inputs.size() + i), inputs.get(i)));
            }
            String z = names.newName("z" + Literals.capitalize(layer.name()) + o);
            method.addStatement("float $N = $L", z, CodeBlock.join(terms, " +$W"));
            method.addStatement("z[$L] = $N", o, z);
            if (activation != Activation.SOFTMAX) {
                method.addStatement("a[$L] = $L", o, ActivationEmitter.value(activation, CodeBlock.of("$N", z)));
            }
        }
    }

    private void loopedForward(LayerPlan layer, MethodSpec.Builder method) {
        Activation activation = layer.dense().activation();
        method.beginControlFlow("for (int o = 0; o < $N; o++)", layer.unitsConstant())
                .addStatement("int row = $N + o * $N", layer.weightsConstant(), inputSize(layer));
        if (layer.hasBias()) {
            method.addStatement("float sum = p[$N + o]", layer.biasConstant());
        } else {
            method.addStatement("float sum = 0f");
        }
        method.beginControlFlow("for (int i = 0; i < $N; i++)", inputSize(layer))
                .addStatement("sum += p[row + i] * in[i]")
                .endControlFlow()
                .addStatement("z[o] = sum");
        if (activation != Activation.SOFTMAX) {
            method.addStatement("a[o] = $L", ActivationEmitter.value(activation, CodeBlock.of("sum")));
        }
        method.endControlFlow();
    }

    private void unrolledBackward(
            LayerPlan layer, MethodSpec.Builder method, boolean applyDerivative, boolean hasInputGradient) {
        NameAllocator names = names();
        List<String> inputs = inputLocals(layer, method, names);
        Activation activation = layer.dense().activation();
        List<String> dz = new ArrayList<>();
        for (int o = 0; o < layer.size(); o++) {
            String name = names.newName("dz" + Literals.capitalize(layer.name()) + o);
            CodeBlock d = CodeBlock.of("d[$L]", o);
            method.addStatement(
                    "float $N = $L",
                    name,
                    applyDerivative
                            ? ActivationEmitter.times(d, activation, CodeBlock.of("z[$L]", o), CodeBlock.of("a[$L]", o))
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
        if (hasInputGradient) {
            for (int i = 0; i < inputs.size(); i++) {
                List<CodeBlock> terms = new ArrayList<>();
                for (int o = 0; o < layer.size(); o++) {
                    terms.add(CodeBlock.of(
                            "$N * p[$L]", dz.get(o), Literals.offset(layer.weightsConstant(), o * inputs.size() + i)));
                }
                method.addStatement("dIn[$L] += $L", i, CodeBlock.join(terms, " +$W"));
            }
        }
    }

    private void loopedBackward(
            LayerPlan layer, MethodSpec.Builder method, boolean applyDerivative, boolean hasInputGradient) {
        Activation activation = layer.dense().activation();
        CodeBlock d = CodeBlock.of("d[o]");
        method.beginControlFlow("for (int o = 0; o < $N; o++)", layer.unitsConstant())
                .addStatement(
                        "float dz = $L",
                        applyDerivative
                                ? ActivationEmitter.times(d, activation, CodeBlock.of("z[o]"), CodeBlock.of("a[o]"))
                                : d)
                .addStatement("int row = $N + o * $N", layer.weightsConstant(), inputSize(layer))
                .beginControlFlow("for (int i = 0; i < $N; i++)", inputSize(layer))
                .addStatement("g[row + i] += dz * in[i]")
                .endControlFlow();
        if (layer.hasBias()) {
            method.addStatement("g[$N + o] += dz", layer.biasConstant());
        }
        if (hasInputGradient) {
            method.beginControlFlow("for (int i = 0; i < $N; i++)", inputSize(layer))
                    .addStatement("dIn[i] += dz * p[row + i]")
                    .endControlFlow();
        }
        method.endControlFlow();
    }

    /** Reads the input into locals named after it: its features, or {@code x0...}, or {@code hidden0...}. */
    private List<String> inputLocals(LayerPlan layer, MethodSpec.Builder method, NameAllocator names) {
        String input = input(layer);
        List<String> features = plan.network().spec().input().features();
        List<String> locals = new ArrayList<>();
        for (int i = 0; i < layer.inputSize(); i++) {
            String suggestion;
            if (!EmitPlan.isInput(input)) {
                suggestion = input + i;
            } else if (features.isEmpty()) {
                suggestion = "x" + i;
            } else {
                suggestion = Literals.lowerCamel(features.get(i));
            }
            String local = names.newName(suggestion);
            method.addStatement("float $N = in[$L]", local, i);
            locals.add(local);
        }
        return locals;
    }

    private String inputSize(LayerPlan layer) {
        return plan.sizeConstant(input(layer));
    }

    private static String input(LayerPlan layer) {
        List<String> inputs = layer.spec().inputs();
        return inputs.isEmpty() ? InputSpec.NAME : inputs.get(0);
    }

    /** A name allocator holding the method parameters, so that no local can shadow one. */
    private static NameAllocator names() {
        NameAllocator names = new NameAllocator();
        PARAMETERS.forEach(names::newName);
        List.of("o", "i", "row", "sum", "dz").forEach(names::newName);
        return names;
    }

    private static MethodSpec.Builder method(String name, String... parameters) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(PRIVATE, STATIC);
        for (String parameter : parameters) {
            method.addParameter(FLOATS, parameter);
        }
        return method;
    }
}
