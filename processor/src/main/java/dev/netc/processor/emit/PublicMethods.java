package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.Optimizer;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the methods of the {@code Network} and {@code TrainableNetwork} contracts: the size getters and {@code
 * architecture()} ({@link ArchitectureEmitter}), {@code predict} (direct, {@link DirectPredictEmitter}, when every
 * dense layer is unrolled and it fits; else a block of one sample), {@code predictBatch} ({@link
 * BatchPredictionEmitter}) and {@code lossAndGradient}, which walk their samples in blocks of {@code BLOCK_ROWS}
 * through the passes of {@link PassEmitter} (the last block holds what is left, so any count works), {@code
 * initialParameters} and the static {@code newParameters} it delegates to, the L2 penalty, and the optimizer and
 * training defaults the spec states. Arguments are checked first, so a wrong length is reported with what was
 * expected rather than as an index deep in a layer.
 */
final class PublicMethods {

    private static final TypeName FLOATS = TypeName.get(float[].class);
    private static final ClassName ARGUMENTS = ClassName.get("dev.netc.runtime", "Arguments");
    private static final ClassName INITIALIZERS = ClassName.get("dev.netc.runtime", "Initializers");
    private static final ClassName RANDOM = ClassName.get("dev.netc.runtime", "SeededRandom");
    private static final ClassName OPTIMIZER_SPEC = ClassName.get(OptimizerSpec.class);
    private static final ClassName OPTIMIZER_KIND = ClassName.get(Optimizer.Kind.class);
    private static final ClassName TRAINING_SPEC = ClassName.get(TrainingSpec.class);

    private final EmitPlan plan;
    private final ClassName workspace;
    private final BatchPredictionEmitter batchPrediction;

    PublicMethods(EmitPlan plan, ClassName workspace, BatchPredictionEmitter batchPrediction) {
        this.plan = plan;
        this.workspace = workspace;
        this.batchPrediction = batchPrediction;
    }

    List<MethodSpec> all() {
        List<MethodSpec> methods = new ArrayList<>(Arrays.asList(
                getter("inputSize", "INPUT_SIZE"),
                getter("outputSize", "OUTPUT_SIZE"),
                getter("parameterCount", "PARAMETER_COUNT"),
                ArchitectureEmitter.method(),
                predict(),
                batchPrediction.predictBatch()));
        methods.addAll(lossAndGradient());
        methods.add(initialParameters());
        methods.add(newParameters());
        if (plan.hasPenalty()) {
            methods.add(penalty());
        }
        plan.network().spec().optimizer().map(PublicMethods::statedOptimizer).ifPresent(methods::add);
        plan.network().spec().training().map(PublicMethods::statedTraining).ifPresent(methods::add);
        return methods;
    }

    /**
     * {@code statedOptimizer()}, for a spec that states one: the kind's defaults with each option the spec sets to
     * another value, so that the generated class reads as the spec does.
     */
    private static MethodSpec statedOptimizer(OptimizerSpec optimizer) {
        OptimizerSpec defaults = OptimizerSpec.defaults(optimizer.kind());
        CodeBlock.Builder spec = CodeBlock.builder()
                .add(
                        "$T.defaults($T.$L)",
                        OPTIMIZER_SPEC,
                        OPTIMIZER_KIND,
                        optimizer.kind().name());
        for (String option : OptimizerSpec.options(optimizer.kind())) {
            double value = optimizer.get(option);
            if (Double.compare(value, defaults.get(option)) != 0) {
                spec.add("\n.with($T.$L, $L)", OPTIMIZER_SPEC, optionConstant(option), Double.toString(value));
            }
        }
        return MethodSpec.methodBuilder("statedOptimizer")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), OPTIMIZER_SPEC))
                .addStatement("return $T.of($L)", Optional.class, spec.build())
                .build();
    }

    /** {@code statedTraining()}, for a spec that states training defaults: each one stated, in order. */
    private static MethodSpec statedTraining(TrainingSpec training) {
        CodeBlock.Builder spec = CodeBlock.builder().add("$T.NONE", TRAINING_SPEC);
        training.epochs().ifPresent(epochs -> spec.add(".withEpochs($L)", epochs));
        training.batchSize().ifPresent(batchSize -> spec.add(".withBatchSize($L)", batchSize));
        return MethodSpec.methodBuilder("statedTraining")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), TRAINING_SPEC))
                .addStatement("return $T.of($L)", Optional.class, spec.build())
                .build();
    }

    /** The {@code OptimizerSpec} constant that names {@code option}: {@code learning_rate} to {@code LEARNING_RATE}. */
    private static String optionConstant(String option) {
        return option.toUpperCase(Locale.ROOT);
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
        if (DirectPredictEmitter.applies(plan)) {
            return new DirectPredictEmitter(plan).predict();
        }
        return MethodSpec.methodBuilder("predict")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addParameter(FLOATS, "parameters")
                .addParameter(FLOATS, "input")
                .addParameter(FLOATS, "output")
                .addStatement("$T.requireLength($S, parameters, PARAMETER_COUNT)", ARGUMENTS, "parameters")
                .addStatement("$T.requireLength($S, input, INPUT_SIZE)", ARGUMENTS, "input")
                .addStatement("$T.requireLength($S, output, OUTPUT_SIZE)", ARGUMENTS, "output")
                .addComment("a block of one sample, read in place")
                .addStatement("$T w = workspaces.get()", workspace)
                .addStatement("forward(parameters, input, 0, 1, w)")
                .addStatement(
                        "$T.arraycopy(w.$N, 0, output, 0, OUTPUT_SIZE)",
                        System.class,
                        plan.output().activations())
                .build();
    }

    /**
     * {@code lossAndGradient}: one method for a network without dropout; with dropout, the contract's two (without
     * dropout, and with the step's seed) delegating to a private third that does either.
     */
    private List<MethodSpec> lossAndGradient() {
        if (!plan.hasDropout()) {
            return List.of(lossAndGradient(
                    lossAndGradientSignature().addAnnotation(Override.class).addModifiers(PUBLIC)));
        }
        MethodSpec withoutDropout = lossAndGradientSignature()
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addComment("without dropout: the loss the network has at inference")
                .addStatement("return lossAndGradient(parameters, inputs, targets, count, gradient, false, 0L)")
                .build();
        MethodSpec withDropout = lossAndGradientSignature()
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addParameter(long.class, "dropoutSeed")
                .addStatement("return lossAndGradient(parameters, inputs, targets, count, gradient, true, dropoutSeed)")
                .build();
        MethodSpec either = lossAndGradient(lossAndGradientSignature()
                .addModifiers(PRIVATE)
                .addParameter(boolean.class, "dropout")
                .addParameter(long.class, "dropoutSeed"));
        return List.of(withoutDropout, withDropout, either);
    }

    private static MethodSpec.Builder lossAndGradientSignature() {
        return MethodSpec.methodBuilder("lossAndGradient")
                .returns(float.class)
                .addParameter(FLOATS, "parameters")
                .addParameter(FLOATS, "inputs")
                .addParameter(FLOATS, "targets")
                .addParameter(int.class, "count")
                .addParameter(FLOATS, "gradient");
    }

    private MethodSpec lossAndGradient(MethodSpec.Builder method) {
        Loss loss = plan.network().spec().loss();
        method.addStatement("$T.requireLength($S, parameters, PARAMETER_COUNT)", ARGUMENTS, "parameters")
                .addStatement("$T.requireCount(count, 1)", ARGUMENTS)
                .addStatement("$T.requireRows($S, inputs, count, INPUT_SIZE)", ARGUMENTS, "inputs")
                .addStatement(
                        "$T.requireRows($S, targets, count, $L)", ARGUMENTS, "targets", LossEmitter.targetWidth(loss))
                .addStatement("$T.requireLength($S, gradient, PARAMETER_COUNT)", ARGUMENTS, "gradient")
                .addStatement("$T w = workspaces.get()", workspace);
        clearGradient(method);
        if (LossEmitter.meanOverSamples(loss)) {
            method.addComment("the mean over samples").addStatement("double divisor = count");
        } else {
            method.addComment("the mean over every output element")
                    .addStatement("double divisor = (double) count * OUTPUT_SIZE");
        }
        method.addStatement("float scale = (float) (1.0 / divisor)").addStatement("double sum = 0");
        String dropout = plan.hasDropout() ? ", dropout, dropoutSeed, first" : "";
        eachBlock(method)
                .addStatement("int xOffset = first * INPUT_SIZE")
                .addStatement(
                        plan.hasDropout()
                                ? "trainingForward(parameters, inputs, xOffset, rows, w" + dropout + ")"
                                : "forward(parameters, inputs, xOffset, rows, w)")
                .addStatement("sum += $L", new LossEmitter(plan).call())
                .addStatement(
                        plan.everyDenseLayerUnrolled()
                                ? "backward(parameters, inputs, xOffset, rows, w, gradient" + dropout + ")"
                                : "backward(parameters, inputs, xOffset, rows, w, gradient, first > 0" + dropout + ")")
                .addStatement("first += rows")
                .endControlFlow();
        if (plan.hasPenalty()) {
            method.addStatement("return (float) (sum / divisor + penalty(parameters, gradient))");
        } else {
            method.addStatement("return (float) (sum / divisor)");
        }
        return method.build();
    }

    /**
     * Zeroes the gradient that the first block will not write: the looped layers' kernels write theirs (and later
     * blocks add), which spares a pass over most of a large network's gradient; unrolled layers add theirs to zeros.
     * The layers' slices are contiguous, in network order, so each run of unrolled layers is one fill.
     */
    private void clearGradient(MethodSpec.Builder method) {
        if (plan.everyDenseLayerUnrolled()) {
            method.addStatement("$T.fill(gradient, 0f)", Arrays.class);
            return;
        }
        List<CodeBlock> fills = new ArrayList<>();
        String runStart = null;
        for (LayerPlan layer : plan.layers()) {
            if (!layer.isDense()) {
                continue;
            }
            if (layer.unrolled() && runStart == null) {
                runStart = layer.weightsConstant();
            } else if (!layer.unrolled() && runStart != null) {
                fills.add(
                        CodeBlock.of("$T.fill(gradient, $N, $N, 0f)", Arrays.class, runStart, layer.weightsConstant()));
                runStart = null;
            }
        }
        if (runStart != null) {
            fills.add(CodeBlock.of("$T.fill(gradient, $N, PARAMETER_COUNT, 0f)", Arrays.class, runStart));
        }
        if (fills.isEmpty()) {
            method.addComment("no need to clear the gradient: each layer's kernel writes its part in the first")
                    .addComment("block, and later blocks add to it");
        } else {
            method.addComment("the unrolled layers add their gradients to zeros; the looped layers' kernels write");
            method.addComment("theirs in the first block");
            fills.forEach(fill -> method.addStatement(fill));
        }
    }

    /**
     * Opens the loop over blocks: samples {@code first} to {@code first + rows - 1}. The blocks go in order and the
     * gradient adds them in order, so the result does not depend on how the work inside a block is shared out.
     */
    private static MethodSpec.Builder eachBlock(MethodSpec.Builder method) {
        return method.addComment("blocks of BLOCK_ROWS samples, in order; the last holds what is left")
                .addStatement("int first = 0")
                .beginControlFlow("while (first < count)")
                .addStatement("int rows = $T.min(BLOCK_ROWS, count - first)", Math.class);
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
}
