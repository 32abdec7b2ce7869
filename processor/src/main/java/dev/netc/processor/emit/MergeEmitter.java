package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.netc.spec.ConcatSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the methods of concat and add layers, which have no parameters. Forward: concat copies each input into its
 * slice ({@code System.arraycopy}), add sums its inputs in one loop. Backward: each input's gradient gets its slice
 * of {@code d} (concat) or all of it (add), with {@code +=}, since a layer may be read by several layers or twice by
 * one. The network input is never passed a gradient. Method parameters are named after the input layers.
 */
final class MergeEmitter {

    private static final TypeName FLOATS = TypeName.get(float[].class);

    private final EmitPlan plan;

    MergeEmitter(EmitPlan plan) {
        this.plan = plan;
    }

    /** {@code <layer>Forward(in..., a)}: one array per input, in order, then the layer's output. */
    MethodSpec forward(LayerPlan layer) {
        MethodSpec.Builder method = method(layer.forwardMethod()).addComment("$L", describe(layer));
        List<String> inputs = parameters(method, layer, "");
        method.addParameter(FLOATS, "a");
        List<String> sources = layer.spec().inputs();
        if (layer.spec() instanceof ConcatSpec) {
            CodeBlock at = CodeBlock.of("0");
            for (int k = 0; k < sources.size(); k++) {
                String size = plan.sizeConstant(sources.get(k));
                method.addStatement("$T.arraycopy($N, 0, a, $L, $N)", System.class, inputs.get(k), at, size);
                at = k == 0 ? CodeBlock.of("$N", size) : CodeBlock.of("$L + $N", at, size);
            }
        } else {
            List<CodeBlock> terms = new ArrayList<>();
            inputs.forEach(input -> terms.add(CodeBlock.of("$N[i]", input)));
            method.beginControlFlow("for (int i = 0; i < $N; i++)", layer.unitsConstant())
                    .addStatement("a[i] = $L", CodeBlock.join(terms, " + "))
                    .endControlFlow();
        }
        return method.build();
    }

    /** {@code <layer>Backward(d, dIn...)}: the layer's gradient, then one gradient per input that is not the input. */
    MethodSpec backward(LayerPlan layer) {
        MethodSpec.Builder method = method(layer.backwardMethod()).addComment("$L: gradient", describe(layer));
        method.addParameter(FLOATS, "d");
        List<String> gradients = parameters(method, layer, "d");
        List<String> sources = layer.spec().inputs();
        CodeBlock at = CodeBlock.of("0");
        boolean concat = layer.spec() instanceof ConcatSpec;
        for (int k = 0; k < sources.size(); k++) {
            String size = plan.sizeConstant(sources.get(k));
            if (!EmitPlan.isInput(sources.get(k))) {
                CodeBlock from = !concat || k == 0 ? CodeBlock.of("d[i]") : CodeBlock.of("d[$L + i]", at);
                method.beginControlFlow("for (int i = 0; i < $N; i++)", size)
                        .addStatement("$N[i] += $L", gradients.get(k), from)
                        .endControlFlow();
            }
            at = k == 0 ? CodeBlock.of("$N", size) : CodeBlock.of("$L + $N", at, size);
        }
        return method.build();
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
     * Adds one parameter per input, named after it with {@code prefix} ({@code left}, or {@code dLeft}); inputs that
     * are the network input get none when {@code prefix} is a gradient's. Returns the names by input position.
     */
    private static List<String> parameters(MethodSpec.Builder method, LayerPlan layer, String prefix) {
        NameAllocator names = new NameAllocator();
        List.of("a", "d", "i").forEach(names::newName);
        List<String> result = new ArrayList<>();
        for (String source : layer.spec().inputs()) {
            if (!prefix.isEmpty() && EmitPlan.isInput(source)) {
                result.add("");
                continue;
            }
            String name = names.newName(prefix.isEmpty() ? source : prefix + Literals.capitalize(source));
            method.addParameter(FLOATS, name);
            result.add(name);
        }
        return result;
    }

    private static MethodSpec.Builder method(String name) {
        return MethodSpec.methodBuilder(name).addModifiers(PRIVATE, STATIC);
    }
}
