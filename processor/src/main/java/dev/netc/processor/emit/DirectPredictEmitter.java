package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import dev.netc.Activation;
import dev.netc.spec.AddSpec;
import dev.netc.spec.ConcatSpec;
import dev.netc.spec.InputSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The direct {@code predict} of a network whose dense layers are all unrolled: after the argument checks, one sample's
 * forward pass as straight-line code over locals, written into {@code output}, with no workspace, no thread-local
 * lookup and no copy. A concat's values are its inputs' locals, taken as they are; an add's are sums of them. The sums
 * are {@link UnrolledDenseEmitter}'s, so the result is the bits {@code predictBatch} gives for the same sample.
 *
 * <p>The whole network is one method, so it is written only when its bytecode surely stays under HotSpot's 8,000-byte
 * limit for compiling a method: {@link #applies} bounds it from above per weight, unit and input read. Larger networks
 * predict through the blocked path, a block of one sample.
 */
final class DirectPredictEmitter {

    /** The most bytecode the direct {@code predict} may take by {@link #bytecodeBound}, with room under 8,000. */
    static final int BYTECODE_BUDGET = 7_000;

    /**
     * Upper bounds, in bytes of bytecode: a weight's term {@code p[k] * local +} (load {@code p} 2, index 3, faload 1,
     * a wide fload 4, fmul 1, fadd 1); a unit (bias 6, its pre-activation stored and read back 8, the activation with
     * leaky relu's comparison and multiply 20, its value stored 4, its output element written 10); an input read
     * ({@code input[i]} 5, stored 4); an input of an add, per unit (a wide fload and an fadd); and the fixed part (the
     * argument checks, the alias of the parameters, softmax and return).
     */
    private static final int WEIGHT = 12;

    private static final int UNIT = 48;
    private static final int INPUT_READ = 9;
    private static final int ADD_TERM = 5;
    private static final int FIXED = 80;

    private static final ClassName ARGUMENTS = ClassName.get("dev.netc.runtime", "Arguments");

    private final EmitPlan plan;

    DirectPredictEmitter(EmitPlan plan) {
        this.plan = plan;
    }

    /** Whether {@code plan}'s {@code predict} is direct: every dense layer unrolled, within the budget. */
    static boolean applies(EmitPlan plan) {
        return plan.everyDenseLayerUnrolled() && bytecodeBound(plan) <= BYTECODE_BUDGET;
    }

    /** An upper bound of the direct {@code predict}'s bytecode, in bytes, by the costs above. */
    static long bytecodeBound(EmitPlan plan) {
        long bound = FIXED + (long) INPUT_READ * plan.network().inputSize();
        for (LayerPlan layer : plan.layers()) {
            if (layer.isDense()) {
                bound += (long) WEIGHT * layer.parameters().orElseThrow().weightCount() + (long) UNIT * layer.size();
            } else if (layer.spec() instanceof AddSpec) {
                bound += (long) ADD_TERM * layer.spec().inputs().size() * layer.size();
            }
        }
        return bound;
    }

    /** {@code predict(parameters, input, output)}. */
    MethodSpec predict() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("predict")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addParameter(DenseEmitter.FLOATS, "parameters")
                .addParameter(DenseEmitter.FLOATS, "input")
                .addParameter(DenseEmitter.FLOATS, "output")
                .addStatement("$T.requireLength($S, parameters, PARAMETER_COUNT)", ARGUMENTS, "parameters")
                .addStatement("$T.requireLength($S, input, INPUT_SIZE)", ARGUMENTS, "input")
                .addStatement("$T.requireLength($S, output, OUTPUT_SIZE)", ARGUMENTS, "output")
                .addComment("every dense layer is unrolled: the sample stays in locals, without a workspace")
                .addStatement("float[] p = parameters");
        NameAllocator names = new NameAllocator();
        List.of("parameters", "input", "output", "p").forEach(names::newName);
        Map<String, List<String>> values = new HashMap<>();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < plan.network().inputSize(); i++) {
            String local = names.newName(UnrolledDenseEmitter.inputLocal(plan, InputSpec.NAME, i));
            method.addStatement("float $N = input[$L]", local, i);
            inputs.add(local);
        }
        values.put(InputSpec.NAME, inputs);
        for (LayerPlan layer : plan.layers()) {
            if (layer == plan.output()) {
                output(layer, method, values.get(EmitPlan.input(layer)), names);
            } else if (layer.isDense()) {
                values.put(layer.name(), hidden(layer, method, values.get(EmitPlan.input(layer)), names));
            } else {
                values.put(layer.name(), merge(layer, method, values, names));
            }
        }
        return method.build();
    }

    /** A hidden dense layer: a local per unit, {@code float hidden0 = tanh(zHidden0)}. */
    private List<String> hidden(LayerPlan layer, MethodSpec.Builder method, List<String> in, NameAllocator names) {
        Activation activation = layer.dense().activation();
        method.addComment("$L", DenseEmitter.describe(layer));
        List<String> locals = new ArrayList<>();
        for (int o = 0; o < layer.size(); o++) {
            CodeBlock sum = UnrolledDenseEmitter.preActivation(layer, "p", in, o);
            String local;
            if (activation == Activation.LINEAR) {
                local = names.newName(layer.name() + o);
                method.addStatement("float $N = $L", local, sum);
            } else {
                String z = names.newName("z" + Literals.capitalize(layer.name()) + o);
                method.addStatement("float $N = $L", z, sum);
                local = names.newName(layer.name() + o);
                method.addStatement("float $N = $L", local, ActivationEmitter.value(activation, CodeBlock.of("$N", z)));
            }
            locals.add(local);
        }
        return locals;
    }

    /** The output layer, written into {@code output}; softmax in place once every unit is there. */
    private void output(LayerPlan layer, MethodSpec.Builder method, List<String> in, NameAllocator names) {
        Activation activation = layer.dense().activation();
        method.addComment("$L", DenseEmitter.describe(layer));
        for (int o = 0; o < layer.size(); o++) {
            CodeBlock sum = UnrolledDenseEmitter.preActivation(layer, "p", in, o);
            if (activation == Activation.LINEAR || activation == Activation.SOFTMAX) {
                method.addStatement("output[$L] = $L", o, sum);
            } else {
                String z = names.newName("z" + Literals.capitalize(layer.name()) + o);
                method.addStatement("float $N = $L", z, sum)
                        .addStatement("output[$L] = $L", o, ActivationEmitter.value(activation, CodeBlock.of("$N", z)));
            }
        }
        if (activation == Activation.SOFTMAX) {
            method.addComment("softmax in place: subtract the maximum for stability")
                    .addStatement("$T.softmax(output, output, OUTPUT_SIZE)", ActivationEmitter.ACTIVATIONS);
        }
    }

    /** A concat's values are its inputs' locals; an add's are new locals, the sums of its inputs'. */
    private static List<String> merge(
            LayerPlan layer, MethodSpec.Builder method, Map<String, List<String>> values, NameAllocator names) {
        List<String> sources = layer.spec().inputs();
        List<String> locals = new ArrayList<>();
        if (layer.spec() instanceof ConcatSpec) {
            method.addComment("$L: the locals of its inputs, in order", MergeEmitter.describe(layer));
            sources.forEach(source -> locals.addAll(values.get(source)));
            return locals;
        }
        method.addComment("$L", MergeEmitter.describe(layer));
        for (int o = 0; o < layer.size(); o++) {
            List<CodeBlock> terms = new ArrayList<>();
            for (String source : sources) {
                terms.add(CodeBlock.of("$N", values.get(source).get(o)));
            }
            String local = names.newName(layer.name() + o);
            method.addStatement("float $N = $L", local, CodeBlock.join(terms, " + "));
            locals.add(local);
        }
        return locals;
    }
}
