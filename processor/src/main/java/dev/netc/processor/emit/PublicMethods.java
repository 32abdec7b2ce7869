package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.Init;
import dev.netc.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the methods of the {@code Network} and {@code TrainableNetwork} contracts and the passes they share: the
 * size getters, {@code predict} and {@code predictBatch} (arguments checked, then per sample: copy the input into the
 * workspace, run {@code forward}, copy the output out), {@code lossAndGradient} (per sample: forward, {@code loss},
 * {@code backward} accumulating into the gradient; then the mean and the L2 penalties), {@code initialParameters}
 * and the static {@code newParameters} it delegates to.
 */
final class PublicMethods {

    private static final TypeName FLOATS = TypeName.get(float[].class);
    private static final ClassName ARGUMENTS = ClassName.get("dev.netc.runtime", "Arguments");
    private static final ClassName INITIALIZERS = ClassName.get("dev.netc.runtime", "Initializers");
    private static final ClassName RANDOM = ClassName.get("dev.netc.runtime", "SeededRandom");

    private final EmitPlan plan;
    private final ClassName workspace;

    PublicMethods(EmitPlan plan, ClassName workspace) {
        this.plan = plan;
        this.workspace = workspace;
    }

    List<MethodSpec> all() {
        List<MethodSpec> methods = new ArrayList<>(Arrays.asList(
                getter("inputSize", "INPUT_SIZE"),
                getter("outputSize", "OUTPUT_SIZE"),
                getter("parameterCount", "PARAMETER_COUNT"),
                predict(),
                predictBatch(),
                lossAndGradient(),
                initialParameters(),
                newParameters(),
                forward(),
                backward()));
        if (plan.hasPenalty()) {
            methods.add(penalty());
        }
        return methods;
    }

    private static MethodSpec getter(String name, String constant) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(int.class)
                .addStatement("return $N", constant)
                .build();
    }

    private MethodSpec predict() {
        return MethodSpec.methodBuilder("predict")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addParameter(FLOATS, "parameters")
                .addParameter(FLOATS, "input")
                .addParameter(FLOATS, "output")
                .addStatement("$T.requireLength($S, input, INPUT_SIZE)", ARGUMENTS, "input")
                .addStatement("$T.requireLength($S, output, OUTPUT_SIZE)", ARGUMENTS, "output")
                .addStatement("predictBatch(parameters, input, 1, output)")
                .build();
    }

    private MethodSpec predictBatch() {
        return MethodSpec.methodBuilder("predictBatch")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addParameter(FLOATS, "parameters")
                .addParameter(FLOATS, "inputs")
                .addParameter(int.class, "count")
                .addParameter(FLOATS, "outputs")
                .addStatement("$T.requireLength($S, parameters, PARAMETER_COUNT)", ARGUMENTS, "parameters")
                .addStatement("$T.requireCount(count, 0)", ARGUMENTS)
                .addStatement("$T.requireRows($S, inputs, count, INPUT_SIZE)", ARGUMENTS, "inputs")
                .addStatement("$T.requireRows($S, outputs, count, OUTPUT_SIZE)", ARGUMENTS, "outputs")
                .addStatement("$T w = workspaces.get()", workspace)
                .beginControlFlow("for (int s = 0; s < count; s++)")
                .addStatement(
                        "$T.arraycopy(inputs, s * INPUT_SIZE, w.$N, 0, INPUT_SIZE)", System.class, EmitPlan.INPUT_FIELD)
                .addStatement("forward(parameters, w)")
                .addStatement(
                        "$T.arraycopy(w.$N, 0, outputs, s * OUTPUT_SIZE, OUTPUT_SIZE)",
                        System.class,
                        plan.output().activations())
                .endControlFlow()
                .build();
    }

    private MethodSpec lossAndGradient() {
        Loss loss = plan.network().spec().loss();
        LayerPlan output = plan.output();
        MethodSpec.Builder method = MethodSpec.methodBuilder("lossAndGradient")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(float.class)
                .addParameter(FLOATS, "parameters")
                .addParameter(FLOATS, "inputs")
                .addParameter(FLOATS, "targets")
                .addParameter(int.class, "count")
                .addParameter(FLOATS, "gradient")
                .addStatement("$T.requireLength($S, parameters, PARAMETER_COUNT)", ARGUMENTS, "parameters")
                .addStatement("$T.requireCount(count, 1)", ARGUMENTS)
                .addStatement("$T.requireRows($S, inputs, count, INPUT_SIZE)", ARGUMENTS, "inputs")
                .addStatement(
                        "$T.requireRows($S, targets, count, $L)", ARGUMENTS, "targets", LossEmitter.targetWidth(loss))
                .addStatement("$T.requireLength($S, gradient, PARAMETER_COUNT)", ARGUMENTS, "gradient")
                .addStatement("$T w = workspaces.get()", workspace)
                .addStatement("$T.fill(gradient, 0f)", Arrays.class);
        if (LossEmitter.meanOverSamples(loss)) {
            method.addComment("the mean over samples").addStatement("double divisor = count");
        } else {
            method.addComment("the mean over every output element")
                    .addStatement("double divisor = (double) count * OUTPUT_SIZE");
        }
        method.addStatement("float scale = (float) (1.0 / divisor)")
                .addStatement("double sum = 0")
                .beginControlFlow("for (int s = 0; s < count; s++)")
                .addStatement(
                        "$T.arraycopy(inputs, s * INPUT_SIZE, w.$N, 0, INPUT_SIZE)", System.class, EmitPlan.INPUT_FIELD)
                .addStatement("forward(parameters, w)")
                .addStatement(
                        "sum += loss(w.$N, w.$N, targets, s, scale, w.$N)",
                        output.preActivations(),
                        output.activations(),
                        output.gradient())
                .addStatement("backward(parameters, w, gradient)")
                .endControlFlow();
        if (plan.hasPenalty()) {
            method.addStatement("return (float) (sum / divisor + penalty(parameters, gradient))");
        } else {
            method.addStatement("return (float) (sum / divisor)");
        }
        return method.build();
    }

    /** The instance method the contract asks for, delegating to {@link #newParameters()}. */
    private static MethodSpec initialParameters() {
        return MethodSpec.methodBuilder("initialParameters")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(FLOATS)
                .addParameter(long.class, "seed")
                .addStatement("return newParameters(seed)")
                .build();
    }

    /**
     * {@code public static float[] newParameters(long seed)}: static, so that a class generated from an interface can
     * be given parameters before it exists ({@code new IrisNet(IrisNet.newParameters(42L))}).
     */
    private MethodSpec newParameters() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("newParameters")
                .addModifiers(PUBLIC, STATIC)
                .addJavadoc(
                        "New parameters for this network: each dense layer's weights drawn as its {@code init} says,\n")
                .addJavadoc("its bias zero. The same seed gives the same parameters on every JVM and platform.\n")
                .returns(FLOATS)
                .addParameter(long.class, "seed")
                .addStatement("float[] p = new float[PARAMETER_COUNT]");
        for (LayerPlan layer : plan.layers()) {
            if (!layer.isDense()) {
                continue;
            }
            Init init = layer.dense().init();
            if (init == Init.ZEROS) {
                method.addComment("$L: zeros", layer.name());
                continue;
            }
            method.addStatement(
                    "$T.$N(p, $N, $N, $N, $T.forLayer(seed, $L))",
                    INITIALIZERS,
                    Literals.lowerCamel(init.yamlName()),
                    layer.weightsConstant(),
                    plan.sizeConstant(layer.spec().inputs().get(0)),
                    layer.unitsConstant(),
                    RANDOM,
                    layer.denseIndex());
        }
        return method.addComment("biases start at zero")
                .addStatement("return p")
                .build();
    }

    private MethodSpec forward() {
        MethodSpec.Builder method = pass("forward").addComment("layers in evaluation order");
        for (LayerPlan layer : plan.layers()) {
            method.addStatement("$L", NetworkClassEmitter.forwardCall(plan, layer));
        }
        return method.build();
    }

    private MethodSpec backward() {
        MethodSpec.Builder method = pass("backward").addParameter(FLOATS, "g");
        method.addComment("clear the gradients that layers add into; loss() writes the output's");
        for (LayerPlan layer : plan.layers()) {
            if (layer != plan.output()) {
                method.addStatement("$T.fill(w.$N, 0f)", Arrays.class, layer.gradient());
            }
        }
        method.addComment("layers in reverse order");
        List<LayerPlan> layers = plan.layers();
        for (int index = layers.size() - 1; index >= 0; index--) {
            method.addStatement("$L", NetworkClassEmitter.backwardCall(plan, layers.get(index)));
        }
        return method.build();
    }

    private MethodSpec penalty() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("penalty")
                .addModifiers(PRIVATE, STATIC)
                .returns(double.class)
                .addParameter(FLOATS, "p")
                .addParameter(FLOATS, "g")
                .addComment("the L2 penalties: l2 * sum(w^2) per layer, and their gradients")
                .addStatement("double sum = 0");
        for (LayerPlan layer : plan.layers()) {
            if (layer.isDense() && layer.dense().l2() > 0) {
                method.addStatement("sum += $N(p, g)", layer.penaltyMethod());
            }
        }
        return method.addStatement("return sum").build();
    }

    private MethodSpec.Builder pass(String name) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(PRIVATE, STATIC)
                .addParameter(FLOATS, "p")
                .addParameter(workspace, "w");
    }
}
