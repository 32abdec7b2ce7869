package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.List;
import java.util.Optional;

/**
 * The network's {@code Architecture} as a constant of its class, {@code ARCHITECTURE}, and the {@code architecture()}
 * method that returns it: what weight files and checkpoints record, so that code saves and loads weights, and the
 * trainer checkpoints and names parameters, with the class alone. Layer for layer it is what {@code
 * Architecture.of(checkedNetwork)} builds at run time: name, kind, inputs, fan-in, size, bias, activation and dropout.
 */
final class ArchitectureEmitter {

    static final String CONSTANT = "ARCHITECTURE";

    private static final ClassName ARCHITECTURE = ClassName.get("dev.netc.runtime.io", "Architecture");
    private static final ClassName LAYER = ARCHITECTURE.nestedClass("Layer");

    private ArchitectureEmitter() {}

    /** {@code public static final Architecture ARCHITECTURE}, its sizes written as the class's constants. */
    static FieldSpec field(EmitPlan plan) {
        CodeBlock.Builder layers = CodeBlock.builder();
        List<LayerPlan> all = plan.layers();
        for (int i = 0; i < all.size(); i++) {
            LayerPlan layer = all.get(i);
            layers.add(
                    "\nnew $T($S, $S, $L, $L, $N, $L, $S, $L)$L",
                    LAYER,
                    layer.name(),
                    layer.spec().kind(),
                    inputs(layer.spec().inputs()),
                    fanIn(plan, layer),
                    layer.unitsConstant(),
                    layer.isDense() && layer.hasBias(),
                    layer.isDense() ? layer.dense().activation().yamlName() : "",
                    layer.isDense() ? Double.toString(layer.dense().dropout()) : "0.0",
                    i < all.size() - 1 ? "," : "");
        }
        return FieldSpec.builder(ARCHITECTURE, CONSTANT, PUBLIC, STATIC, FINAL)
                .addJavadoc("The layers as weight files record them: {@code WeightFile.read(path).parametersFor("
                        + CONSTANT + ")}\nrefuses weights of another shape.")
                .initializer(
                        "new $T($S, INPUT_SIZE, $T.of($>$>$L$<$<))",
                        ARCHITECTURE,
                        plan.network().spec().name(),
                        List.class,
                        layers.build())
                .build();
    }

    /** {@code architecture()}, the contract's view of {@link #field}. */
    static MethodSpec method() {
        return MethodSpec.methodBuilder("architecture")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), ARCHITECTURE))
                .addStatement("return $T.of($N)", Optional.class, CONSTANT)
                .build();
    }

    /** A dense layer's fan-in as its input's size constant; a merge's, its own size. */
    private static CodeBlock fanIn(EmitPlan plan, LayerPlan layer) {
        String constant = layer.isDense() ? plan.sizeConstant(EmitPlan.input(layer)) : layer.unitsConstant();
        return CodeBlock.of("$N", constant);
    }

    private static CodeBlock inputs(List<String> names) {
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
        for (int i = 0; i < names.size(); i++) {
            list.add(i == 0 ? "$S" : ", $S", names.get(i));
        }
        return list.add(")").build();
    }
}
