package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;

/**
 * Writes {@code predictBatch} and what it shares its blocks with: a nested {@code BatchPrediction}, the runtime's
 * {@code BlockTask} holding one call's arrays, and a field of one such per calling thread. Each block runs the forward
 * pass in the workspace of whichever of the kernels' threads claimed it, so two cores split a large batch between
 * them with one meeting per call, rather than one per layer and block.
 */
final class BatchPredictionEmitter {

    private static final TypeName FLOATS = TypeName.get(float[].class);
    private static final ClassName ARGUMENTS = ClassName.get("dev.netc.runtime", "Arguments");
    private static final ClassName BLOCK_TASK = ClassName.get("dev.netc.runtime.kernel", "BlockTask");

    private final EmitPlan plan;
    private final ClassName workspace;
    private final ClassName prediction;

    BatchPredictionEmitter(EmitPlan plan, ClassName self, ClassName workspace) {
        this.plan = plan;
        this.workspace = workspace;
        this.prediction = self.nestedClass("BatchPrediction");
    }

    /** {@code predictions}: each calling thread's {@code BatchPrediction}. */
    FieldSpec field() {
        return FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), prediction),
                        "predictions",
                        PRIVATE,
                        FINAL)
                .addJavadoc("Each calling thread's {@code predictBatch} call, made on its first call.")
                .initializer("$T.withInitial($T::new)", ThreadLocal.class, prediction)
                .build();
    }

    MethodSpec predictBatch() {
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
                .addStatement("predictions.get().predict(parameters, inputs, count, outputs)")
                .build();
    }

    /** The nested {@code BatchPrediction}. */
    TypeSpec type() {
        return TypeSpec.classBuilder(prediction)
                .addModifiers(PRIVATE, FINAL)
                .superclass(BLOCK_TASK)
                .addJavadoc(
                        "One thread's {@code predictBatch} call, in blocks of {@code BLOCK_ROWS} samples that any of\n")
                .addJavadoc("the kernels' threads may run, each in its own workspace. The last block holds what is\n")
                .addJavadoc("left.\n")
                .addField(FLOATS, "parameters", PRIVATE)
                .addField(FLOATS, "inputs", PRIVATE)
                .addField(FLOATS, "outputs", PRIVATE)
                .addMethod(predict())
                .addMethod(runBlock())
                .build();
    }

    private static MethodSpec predict() {
        return MethodSpec.methodBuilder("predict")
                .addParameter(FLOATS, "parameters")
                .addParameter(FLOATS, "inputs")
                .addParameter(int.class, "count")
                .addParameter(FLOATS, "outputs")
                .addStatement("this.parameters = parameters")
                .addStatement("this.inputs = inputs")
                .addStatement("this.outputs = outputs")
                .beginControlFlow("try")
                .addComment("about one multiply-add per parameter and sample")
                .addStatement("runBlocks(count, BLOCK_ROWS, PARAMETER_COUNT)")
                .nextControlFlow("finally")
                .addComment("keeps no caller's arrays between calls")
                .addStatement("this.parameters = this.inputs = this.outputs = null")
                .endControlFlow()
                .build();
    }

    private MethodSpec runBlock() {
        return MethodSpec.methodBuilder("runBlock")
                .addAnnotation(Override.class)
                .addModifiers(PROTECTED)
                .addParameter(int.class, "first")
                .addParameter(int.class, "rows")
                .addStatement("$T w = workspaces.get()", workspace)
                .addStatement("forward(parameters, inputs, first * INPUT_SIZE, rows, w)")
                .addStatement(
                        "$T.arraycopy(w.$N, 0, outputs, first * OUTPUT_SIZE, rows * OUTPUT_SIZE)",
                        System.class,
                        plan.output().activations())
                .build();
    }
}
