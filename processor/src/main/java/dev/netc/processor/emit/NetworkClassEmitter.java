package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.netc.processor.read.JavaSignature;
import dev.netc.spec.CheckedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The entry point of code generation: a {@link JavaFile} for a checked network, a final class implementing {@code
 * dev.netc.runtime.TrainableNetwork} (and the annotated interface, if any) whose shapes are constants. It composes the
 * parts: {@link HeaderComment}, the constants, the interface's members ({@link InterfaceEmitter}), the public methods
 * ({@link PublicMethods}), the passes over a block of samples and the layers' methods ({@link PassEmitter}), and the
 * nested {@link Workspace}. It writes nothing.
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
        type.addField(ArchitectureEmitter.field(plan));
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), workspace),
                        "workspaces",
                        PRIVATE,
                        FINAL)
                .addJavadoc("Each thread's scratch arrays, made on its first call.")
                .initializer("$T.withInitial($T::new)", ThreadLocal.class, workspace)
                .build());
        BatchPredictionEmitter batchPrediction = new BatchPredictionEmitter(plan, self, workspace);
        type.addField(batchPrediction.field());
        typed.ifPresent(emitter -> {
            emitter.fields().forEach(type::addField);
            type.addMethod(emitter.constructor());
            type.addMethod(emitter.method());
        });
        new PublicMethods(plan, workspace, batchPrediction).all().forEach(type::addMethod);
        new PassEmitter(plan, workspace).all().forEach(type::addMethod);
        boolean recordInput = signature.flatMap(JavaSignature::inputRecord).isPresent();
        type.addType(batchPrediction.type());
        type.addType(Workspace.of(plan, workspace, recordInput));
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
        fields.add(constant(
                "BLOCK_ROWS",
                EmitOptions.BLOCK_ROWS,
                false,
                "Samples computed together: the batch methods walk their samples in blocks of this many, and"
                        + " a\nlooped layer multiplies a whole block at once, reusing each weight it loads"
                        + " across the block."));
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
            if (layer.hasDropout()) {
                fields.add(FieldSpec.builder(double.class, layer.dropoutConstant(), STATIC, FINAL)
                        .initializer("$L", layer.dense().dropout())
                        .addJavadoc("$L: the share of its outputs that training drops.", layer.name())
                        .build());
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
}
