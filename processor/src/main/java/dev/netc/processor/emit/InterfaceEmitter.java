package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.netc.processor.read.JavaSignature;
import dev.netc.processor.read.JavaSignature.Output;
import dev.netc.processor.read.TypeRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes what a class generated from an annotated interface adds to the network class: the parameters it holds, the
 * constructor that takes them, the enum constants cached once, and the interface's method, which runs the forward pass
 * on a block of one sample in the calling thread's workspace (a record's components gathered into its {@code input}
 * first; a {@code float[]} checked and read in place) and converts the output to the method's return type. Only the
 * {@code float[]} return allocates (a new array per call).
 *
 * <p>Return conversions: {@code float} is the one unit; {@code int} and an enum are the arg-max of the outputs, the
 * first on ties; {@code boolean}, and an enum of two constants over one unit, are decided on the output unit's
 * pre-activation: true (the second constant) when it is positive. For sigmoid that is a probability above 0.5,
 * decided exactly rather than after rounding the probability; for linear, tanh, relu, leaky relu, elu and gelu it is
 * an output above 0.
 */
final class InterfaceEmitter {

    /** The field holding the parameters. */
    private static final String PARAMETERS = "parameters";

    /** The constant caching the output enum's {@code values()}, which copies its array on every call. */
    private static final String CLASSES = "CLASSES";

    private static final TypeName FLOATS = TypeName.get(float[].class);
    private static final ClassName ARGUMENTS = ClassName.get("dev.netc.runtime", "Arguments");

    /**
     * Names the typed method's body uses, so the parameter cannot hide one: a parameter called {@code w} or {@code
     * INPUT_SIZE} becomes {@code w_} or {@code INPUT_SIZE_} (javac prefers a variable to a type or field of that name).
     */
    private static final List<String> BODY_NAMES = List.of(
            "w",
            "y",
            "best",
            "o",
            PARAMETERS,
            "workspaces",
            "INPUT_SIZE",
            "OUTPUT_SIZE",
            CLASSES,
            "Arguments",
            "Arrays");

    private final EmitPlan plan;
    private final JavaSignature signature;
    private final ClassName workspace;

    InterfaceEmitter(EmitPlan plan, JavaSignature signature, ClassName workspace) {
        this.plan = plan;
        this.signature = signature;
        this.workspace = workspace;
    }

    /** The user's interface. */
    ClassName interfaceName() {
        return className(signature.interfaceName());
    }

    /** The held parameters, then, for an enum output, the cached constants. */
    List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.builder(FLOATS, PARAMETERS, PRIVATE, FINAL)
                .addJavadoc("The parameters the interface's method uses: the caller's array, not a copy.")
                .build());
        outputEnum()
                .ifPresent(type -> fields.add(FieldSpec.builder(ArrayTypeName.of(type), CLASSES, PRIVATE, STATIC, FINAL)
                        .addJavadoc(
                                "The constants of {@code $L}, in order, read once ({@code values()} copies its array).",
                                type.simpleName())
                        .initializer("$T.values()", type)
                        .build()));
        return fields;
    }

    /** {@code public IrisNet(float[] parameters)}: checks the length and holds the array. */
    MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(PUBLIC)
                .addJavadoc(
                        "A network that predicts with {@code parameters}, which it holds rather than copies: changes\n")
                .addJavadoc("to the array (training it in place) change later predictions.\n")
                .addJavadoc(
                        "\n@param parameters {@link #PARAMETER_COUNT} values, for example from {@link #newParameters}\n")
                .addJavadoc("@throws IllegalArgumentException if {@code parameters} has another length\n")
                .addParameter(FLOATS, PARAMETERS)
                .addStatement("this.$N = $T.requireNonNull($N, $S)", PARAMETERS, Objects.class, PARAMETERS, PARAMETERS)
                .addStatement("$T.requireLength($S, $N, PARAMETER_COUNT)", ARGUMENTS, PARAMETERS, PARAMETERS)
                .build();
    }

    /** The interface's method. */
    MethodSpec method() {
        NameAllocator names = new NameAllocator();
        BODY_NAMES.forEach(name -> names.newName(name, name));
        String parameter = names.newName(signature.parameterName(), "parameter");
        LayerPlan output = plan.output();
        MethodSpec.Builder method = MethodSpec.methodBuilder(signature.methodName())
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(returnType())
                .addJavadoc(javadoc());
        if (signature.inputRecord().isPresent()) {
            method.addParameter(className(signature.inputRecord().get()), parameter)
                    .addStatement("$T w = workspaces.get()", workspace);
            readRecord(method, parameter);
            method.addComment("a block of one sample")
                    .addStatement("forward($N, w.$N, 0, 1, w)", PARAMETERS, EmitPlan.INPUT_FIELD);
        } else {
            method.addParameter(FLOATS, parameter)
                    .addStatement(
                            "$T.requireLength($S, $N, INPUT_SIZE)", ARGUMENTS, signature.parameterName(), parameter)
                    .addStatement("$T w = workspaces.get()", workspace)
                    .addComment("a block of one sample, read in place")
                    .addStatement("forward($N, $N, 0, 1, w)", PARAMETERS, parameter);
        }
        switch (signature.output()) {
            case FLOAT_ARRAY -> method.addStatement(
                    "return $T.copyOf(w.$N, OUTPUT_SIZE)", Arrays.class, output.activations());
            case FLOAT -> method.addStatement("return w.$N[0]", output.activations());
            case BOOLEAN -> method.addStatement("return w.$N[0] > 0f", output.preActivationsField());
            case INT -> argMax(method, output).addStatement("return best");
            case ENUM -> {
                if (isThreshold()) {
                    method.addStatement(
                            "return w.$N[0] > 0f ? $N[1] : $N[0]", output.preActivationsField(), CLASSES, CLASSES);
                } else {
                    argMax(method, output).addStatement("return $N[best]", CLASSES);
                }
            }
        }
        return method.build();
    }

    /** One statement per component, in order, cast to float unless it is one. */
    private void readRecord(MethodSpec.Builder method, String parameter) {
        List<String> features = plan.network().spec().input().features();
        List<String> types = signature.componentTypes();
        for (int i = 0; i < features.size(); i++) {
            CodeBlock read = CodeBlock.of("$N.$N()", parameter, features.get(i));
            method.addStatement(
                    "w.$N[$L] = $L",
                    EmitPlan.INPUT_FIELD,
                    i,
                    types.get(i).equals("float") ? read : CodeBlock.of("(float) $L", read));
        }
    }

    private static MethodSpec.Builder argMax(MethodSpec.Builder method, LayerPlan output) {
        return method.addComment("the arg-max, the first on ties")
                .addStatement("float[] y = w.$N", output.activations())
                .addStatement("int best = 0")
                .beginControlFlow("for (int o = 1; o < OUTPUT_SIZE; o++)")
                .beginControlFlow("if (y[o] > y[best])")
                .addStatement("best = o")
                .endControlFlow()
                .endControlFlow();
    }

    /** Whether an enum output is two classes over one unit (one sigmoid unit, as the validator requires). */
    private boolean isThreshold() {
        return plan.network().outputSize() == 1
                && plan.network().spec().classes().size() == 2;
    }

    private Optional<ClassName> outputEnum() {
        return signature.outputEnum().map(InterfaceEmitter::className);
    }

    private TypeName returnType() {
        return switch (signature.output()) {
            case FLOAT_ARRAY -> FLOATS;
            case FLOAT -> TypeName.FLOAT;
            case INT -> TypeName.INT;
            case BOOLEAN -> TypeName.BOOLEAN;
            case ENUM -> outputEnum().orElseThrow();
        };
    }

    private CodeBlock javadoc() {
        String input = signature.parameterName();
        CodeBlock.Builder doc = CodeBlock.builder();
        Output output = signature.output();
        switch (output) {
            case FLOAT_ARRAY -> doc.add(
                            "The network's outputs for {@code $L}, in a new array: the one allocation of this\n", input)
                    .add(
                            "method ({@link #predict(float[], float[], float[])} writes into an array of yours instead).\n");
            case FLOAT -> doc.add("The network's one output for {@code $L}.\n", input);
            case INT -> doc.add(
                    "The index of the largest output for {@code $L} (the arg-max; the first on ties).\n", input);
            case BOOLEAN -> doc.add(
                            "Whether the output unit's pre-activation is positive for {@code $L}: for sigmoid, a\n",
                            input)
                    .add("probability above 0.5, decided exactly; for linear, tanh or relu, an output above 0.\n");
            case ENUM -> {
                List<String> classes = plan.network().spec().classes();
                if (isThreshold()) {
                    doc.add(
                                    "{@code $L} when the output unit's pre-activation is positive for {@code $L} (a probability\n",
                                    classes.get(1),
                                    input)
                            .add("above 0.5, decided exactly), else {@code $L}.\n", classes.get(0));
                } else {
                    doc.add(
                            "The class of {@code $L}: the constant at the largest output (the arg-max; the first on ties).\n",
                            input);
                }
            }
        }
        doc.add("Computed with the parameters this instance holds, in the calling thread's workspace.\n");
        if (signature.inputRecord().isEmpty()) {
            doc.add("\n@throws IllegalArgumentException unless {@code $L} has {@link #INPUT_SIZE} values\n", input);
        }
        return doc.build();
    }

    private static ClassName className(TypeRef type) {
        List<String> names = type.simpleNames();
        return ClassName.get(
                type.packageName(), names.get(0), names.subList(1, names.size()).toArray(new String[0]));
    }
}
