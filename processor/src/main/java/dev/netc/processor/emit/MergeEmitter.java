package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import dev.netc.spec.ConcatSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the methods of concat and add layers, which have no parameters, and the calls to them; like the dense
 * layers' they work on a block of samples stored batch-major. Forward: concat copies each input's row into its slice
 * of the sample's row ({@code System.arraycopy}), add sums its inputs over the whole block in one loop. Backward: each
 * input's gradient gets its slice of {@code d} (concat) or all of it (add), written where the backward pass first
 * reaches that input and added to after ({@link EmitPlan#writesGradient}), since a layer may be read by several layers
 * or twice by one. The network input is read in place from the caller's offset and is never given a gradient.
 *
 * <p>Method parameters are named after the input layers: forward {@code (in..., rows, a)}, with {@code inputOffset}
 * after the network input; backward {@code (d, rows, dIn...)}.
 */
final class MergeEmitter {

    /** The parameter holding the network input, followed by {@code inputOffset}; no layer may take these names. */
    private static final String INPUT = "input";

    private final EmitPlan plan;

    MergeEmitter(EmitPlan plan) {
        this.plan = plan;
    }

    /** {@code <layer>Forward(in..., rows, a)}. */
    MethodSpec forward(LayerPlan layer) {
        MethodSpec.Builder method = method(layer.forwardMethod()).addComment("$L", describe(layer));
        Map<String, String> inputs = parameters(layer, "");
        inputs.forEach((source, name) -> {
            method.addParameter(DenseEmitter.FLOATS, name);
            if (EmitPlan.isInput(source)) {
                method.addParameter(int.class, name + "Offset");
            }
        });
        method.addParameter(int.class, "rows").addParameter(DenseEmitter.FLOATS, "a");
        List<String> sources = layer.spec().inputs();
        if (layer.spec() instanceof ConcatSpec) {
            method.addComment("each sample's row is its inputs' rows, one after the other")
                    .beginControlFlow("for (int r = 0; r < rows; r++)");
            CodeBlock at = CodeBlock.of("r * $N", layer.unitsConstant());
            for (String source : sources) {
                String size = plan.sizeConstant(source);
                String name = inputs.get(source);
                CodeBlock from = EmitPlan.isInput(source)
                        ? CodeBlock.of("$N + r * $N", name + "Offset", size)
                        : CodeBlock.of("r * $N", size);
                method.addStatement("$T.arraycopy($N, $L, a, $L, $N)", System.class, name, from, at, size);
                at = CodeBlock.of("$L + $N", at, size);
            }
            method.endControlFlow();
        } else {
            List<CodeBlock> terms = new ArrayList<>();
            for (String source : sources) {
                String name = inputs.get(source);
                terms.add(
                        EmitPlan.isInput(source)
                                ? CodeBlock.of("$N[$N + k]", name, name + "Offset")
                                : CodeBlock.of("$N[k]", name));
            }
            method.beginControlFlow("for (int k = 0; k < rows * $N; k++)", layer.unitsConstant())
                    .addStatement("a[k] = $L", CodeBlock.join(terms, " + "))
                    .endControlFlow();
        }
        return method.build();
    }

    /**
     * {@code both(w.left, w.right, rows, w.both)}, as {@code forward} in the class calls it; in {@code training}, as
     * {@code trainingForward} does, reading an input layer's output after dropout.
     */
    CodeBlock forwardCall(LayerPlan layer, boolean training) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (String source : parameters(layer, "").keySet()) {
            if (EmitPlan.isInput(source)) {
                arguments.add(CodeBlock.of("x"));
                arguments.add(CodeBlock.of("xOffset"));
            } else {
                arguments.add(CodeBlock.of("w.$N", plan.layer(source).outputField(training)));
            }
        }
        arguments.add(CodeBlock.of("rows"));
        arguments.add(CodeBlock.of("w.$N", layer.activations()));
        return CodeBlock.of("$N($L)", layer.forwardMethod(), CodeBlock.join(arguments, ", "));
    }

    /** {@code <layer>Backward(d, rows, dIn...)}: the layer's gradient, then one per input that is not the input. */
    MethodSpec backward(LayerPlan layer) {
        MethodSpec.Builder method = method(layer.backwardMethod())
                .addComment("$L: gradient", describe(layer))
                .addParameter(DenseEmitter.FLOATS, "d")
                .addParameter(int.class, "rows");
        Map<String, String> gradients = parameters(layer, "d");
        gradients.values().forEach(name -> method.addParameter(DenseEmitter.FLOATS, name));
        List<String> sources = layer.spec().inputs();
        if (layer.spec() instanceof ConcatSpec) {
            method.beginControlFlow("for (int r = 0; r < rows; r++)");
            CodeBlock at = CodeBlock.of("r * $N", layer.unitsConstant());
            for (int k = 0; k < sources.size(); k++) {
                String source = sources.get(k);
                String size = plan.sizeConstant(source);
                if (!EmitPlan.isInput(source)) {
                    String name = gradients.get(source);
                    if (plan.writesGradient(layer, k)) {
                        method.addStatement("$T.arraycopy(d, $L, $N, r * $N, $N)", System.class, at, name, size, size);
                    } else {
                        method.beginControlFlow("for (int i = 0; i < $N; i++)", size)
                                .addStatement("$N[r * $N + i] += d[$L + i]", name, size, at)
                                .endControlFlow();
                    }
                }
                at = CodeBlock.of("$L + $N", at, size);
            }
            method.endControlFlow();
        } else {
            for (int k = 0; k < sources.size(); k++) {
                String source = sources.get(k);
                if (EmitPlan.isInput(source)) {
                    continue;
                }
                String name = gradients.get(source);
                if (plan.writesGradient(layer, k)) {
                    method.addStatement(
                            "$T.arraycopy(d, 0, $N, 0, rows * $N)", System.class, name, layer.unitsConstant());
                } else {
                    method.beginControlFlow("for (int k = 0; k < rows * $N; k++)", layer.unitsConstant())
                            .addStatement("$N[k] += d[k]", name)
                            .endControlFlow();
                }
            }
        }
        return method.build();
    }

    /** {@code bothBackward(w.dBoth, rows, w.dLeft, w.dRight)}, as {@code backward} in the class calls it. */
    CodeBlock backwardCall(LayerPlan layer) {
        List<CodeBlock> arguments = new ArrayList<>();
        arguments.add(CodeBlock.of("w.$N", layer.gradient()));
        arguments.add(CodeBlock.of("rows"));
        for (String source : parameters(layer, "d").keySet()) {
            arguments.add(CodeBlock.of("w.$N", plan.layer(source).gradient()));
        }
        return CodeBlock.of("$N($L)", layer.backwardMethod(), CodeBlock.join(arguments, ", "));
    }

    /** {@code both: concat [left, right] -> 8}. */
    static String describe(LayerPlan layer) {
        return String.format(
                Locale.ROOT,
                "%s: %s %s -> %d",
                layer.name(),
                layer.spec().kind(),
                layer.spec().inputs(),
                layer.size());
    }

    /**
     * The parameter name of each input (the validator allows each once), in order, named after it with {@code prefix}
     * ({@code left}, or {@code dLeft}); the network input is {@code input}, and has none when {@code prefix} is a
     * gradient's.
     */
    private static Map<String, String> parameters(LayerPlan layer, String prefix) {
        NameAllocator names = new NameAllocator();
        List.of("a", "d", "i", "k", "r", "rows", INPUT, INPUT + "Offset").forEach(names::newName);
        Map<String, String> result = new LinkedHashMap<>();
        for (String source : layer.spec().inputs()) {
            if (!prefix.isEmpty() && EmitPlan.isInput(source)) {
                continue;
            }
            result.put(
                    source,
                    EmitPlan.isInput(source)
                            ? INPUT
                            : names.newName(prefix.isEmpty() ? source : prefix + Literals.capitalize(source)));
        }
        return result;
    }

    private static MethodSpec.Builder method(String name) {
        return MethodSpec.methodBuilder(name).addModifiers(PRIVATE, STATIC);
    }
}
