package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.netc.Loss;
import dev.netc.processor.read.JavaSignature;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.LayerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The entry point of code generation: a {@link JavaFile} for a checked network, a final class implementing {@code
 * dev.netc.runtime.TrainableNetwork} (and the annotated interface, if any) whose shapes are constants. It composes the
 * parts: {@link HeaderComment}, the constants, {@link Workspace} fields, the interface's members ({@link
 * InterfaceEmitter}), the public methods ({@link PublicMethods}), and per layer the methods of {@link DenseEmitter}
 * and {@link MergeEmitter}, in evaluation order, then {@link LossEmitter}'s. It writes nothing.
 */
public final class NetworkClassEmitter {

    /** The generated code's indent, the project's. */
    static final String INDENT = "    ";

    static final ClassName TRAINABLE = ClassName.get("dev.netc.runtime", "TrainableNetwork");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private NetworkClassEmitter() {}

    /** The source of {@code network}'s class, in its package, named after it, for a YAML spec (no interface). */
    public static JavaFile emit(CheckedNetwork network, EmitOptions options) {
        return emit(network, Optional.empty(), options);
    }

    /**
     * The source of {@code network}'s class, in its package, named after it.
     *
     * @param signature the annotated interface the class implements besides {@code TrainableNetwork}, whose method it
     *     implements with parameters it holds (taken by its constructor); empty for a YAML spec, whose class has a
     *     no-argument constructor and takes the parameters in every call
     */
    public static JavaFile emit(CheckedNetwork network, Optional<JavaSignature> signature, EmitOptions options) {
        EmitPlan plan = EmitPlan.of(network, options);
        ClassName self =
                ClassName.get(network.spec().packageName(), network.spec().name());
        ClassName workspace = self.nestedClass("Workspace");
        Optional<InterfaceEmitter> typed = signature.map(s -> new InterfaceEmitter(plan, s, workspace));
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(TRAINABLE)
                .addJavadoc(ClassJavadoc.of(plan, signature));
        typed.ifPresent(emitter -> type.addSuperinterface(emitter.interfaceName()));
        if (options.generatedAnnotation()) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", "dev.netc.processor.NetcProcessor")
                    .build());
        }
        constants(plan).forEach(type::addField);
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), workspace),
                        "workspaces",
                        PRIVATE,
                        FINAL)
                .addJavadoc("Each thread's scratch arrays, made on its first call.")
                .initializer("$T.withInitial($T::new)", ThreadLocal.class, workspace)
                .build());
        typed.ifPresent(emitter -> {
            emitter.fields().forEach(type::addField);
            type.addMethod(emitter.constructor());
            type.addMethod(emitter.method());
        });
        new PublicMethods(plan, workspace).all().forEach(type::addMethod);
        layerMethods(plan).forEach(type::addMethod);
        type.addType(Workspace.of(plan, workspace));
        return JavaFile.builder(network.spec().packageName(), type.build())
                .addFileComment("$L", HeaderComment.of(plan))
                .skipJavaLangImports(true)
                .indent(INDENT)
                .build();
    }

    /**
     * What the processor's note says about {@code network}'s class (with {@code -Anetc.verbose=true}): sizes,
     * parameters, forward FLOPs per sample, and which dense layers are unrolled or looped under {@code options}.
     */
    public static String summary(CheckedNetwork network, EmitOptions options) {
        return NetworkSummary.of(EmitPlan.of(network, options));
    }

    private static List<FieldSpec> constants(EmitPlan plan) {
        CheckedNetwork network = plan.network();
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(constant("INPUT_SIZE", network.inputSize(), true, "Input features per sample."));
        fields.add(constant("OUTPUT_SIZE", network.outputSize(), true, "Output values per sample."));
        fields.add(constant(
                "PARAMETER_COUNT", plan.parameterCount(), true, "Length of the flat parameter (and gradient) array."));
        for (LayerPlan layer : plan.layers()) {
            fields.add(constant(layer.unitsConstant(), layer.size(), true, layer.name() + ": output size."));
            if (layer.parameters().isPresent()) {
                var entry = layer.parameters().get();
                fields.add(constant(
                        layer.weightsConstant(),
                        Math.toIntExact(entry.weights()),
                        false,
                        String.format(
                                Locale.ROOT,
                                "%s: weights [%d][%d], row-major.",
                                layer.name(),
                                entry.units(),
                                entry.inputs())));
                if (entry.bias() >= 0) {
                    fields.add(constant(
                            layer.biasConstant(),
                            Math.toIntExact(entry.bias()),
                            false,
                            layer.name() + ": bias [" + entry.units() + "]."));
                }
            }
        }
        return fields;
    }

    private static FieldSpec constant(String name, int value, boolean isPublic, String javadoc) {
        FieldSpec.Builder field = FieldSpec.builder(int.class, name, STATIC, FINAL)
                .initializer("$L", value)
                .addJavadoc("$L", javadoc);
        if (isPublic) {
            field.addModifiers(PUBLIC);
        }
        return field.build();
    }

    /** Per layer in evaluation order: forward, backward, penalty; then the loss. */
    private static List<MethodSpec> layerMethods(EmitPlan plan) {
        DenseEmitter dense = new DenseEmitter(plan);
        MergeEmitter merge = new MergeEmitter(plan);
        Loss loss = plan.network().spec().loss();
        List<MethodSpec> methods = new ArrayList<>();
        LayerPlan output = plan.output();
        for (LayerPlan layer : plan.layers()) {
            if (layer.isDense()) {
                methods.add(dense.forward(layer));
                methods.add(dense.backward(layer, layer == output && LossEmitter.fromLogits(loss)));
                if (layer.dense().l2() > 0) {
                    methods.add(dense.penalty(layer));
                }
            } else {
                methods.add(merge.forward(layer));
                methods.add(merge.backward(layer));
            }
        }
        methods.add(new LossEmitter(plan).loss());
        return methods;
    }

    /** The calls of a pass, one per layer: {@code hiddenForward(p, w.input, w.zHidden, w.hidden)}. */
    static CodeBlock forwardCall(EmitPlan plan, LayerPlan layer) {
        LayerSpec spec = layer.spec();
        if (layer.isDense()) {
            return CodeBlock.of(
                    "$N(p, w.$N, w.$N, w.$N)",
                    layer.forwardMethod(),
                    plan.field(spec.inputs().get(0)),
                    layer.preActivations(),
                    layer.activations());
        }
        List<CodeBlock> arguments = new ArrayList<>();
        spec.inputs().forEach(input -> arguments.add(CodeBlock.of("w.$N", plan.field(input))));
        arguments.add(CodeBlock.of("w.$N", layer.activations()));
        return CodeBlock.of("$N($L)", layer.forwardMethod(), CodeBlock.join(arguments, ", "));
    }

    /** {@code hiddenBackward(p, w.input, w.zHidden, w.hidden, w.dHidden, g)}, with the input's gradient if any. */
    static CodeBlock backwardCall(EmitPlan plan, LayerPlan layer) {
        LayerSpec spec = layer.spec();
        List<CodeBlock> arguments = new ArrayList<>();
        if (layer.isDense()) {
            String input = spec.inputs().get(0);
            arguments.addAll(Arrays.asList(
                    CodeBlock.of("p"),
                    CodeBlock.of("w.$N", plan.field(input)),
                    CodeBlock.of("w.$N", layer.preActivations()),
                    CodeBlock.of("w.$N", layer.activations()),
                    CodeBlock.of("w.$N", layer.gradient()),
                    CodeBlock.of("g")));
            if (!EmitPlan.isInput(input)) {
                arguments.add(CodeBlock.of("w.$N", plan.layer(input).gradient()));
            }
        } else {
            arguments.add(CodeBlock.of("w.$N", layer.gradient()));
            for (String input : spec.inputs()) {
                if (!EmitPlan.isInput(input)) {
                    arguments.add(CodeBlock.of("w.$N", plan.layer(input).gradient()));
                }
            }
        }
        return CodeBlock.of("$N($L)", layer.backwardMethod(), CodeBlock.join(arguments, ", "));
    }
}
