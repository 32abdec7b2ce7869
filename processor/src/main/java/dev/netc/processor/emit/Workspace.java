package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.Optional;

/**
 * The generated class's nested {@code Workspace}: one thread's scratch arrays, each holding one block of {@code
 * BLOCK_ROWS} samples batch-major. Per layer: its output, its pre-activations when it keeps them, its loss
 * gradient, and its output after dropout when it has dropout; a scratch block when a looped layer must add an input gradient ({@link EmitPlan#widestAddingLoopedLayer});
 * and, for a typed method that reads a record, one sample's input. The network input of the batch methods is read in
 * place, never copied here. Each thread gets a workspace from a {@code ThreadLocal} on its first call, so calls from
 * many threads never share scratch memory and warmed-up calls allocate nothing.
 */
final class Workspace {

    private Workspace() {}

    /**
     * @param recordInput whether the typed method reads a record, whose components are gathered into {@code input}
     */
    static TypeSpec of(EmitPlan plan, ClassName name, boolean recordInput) {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(PRIVATE, STATIC, FINAL)
                .addJavadoc("One thread's scratch arrays, each one block of {@code BLOCK_ROWS} samples, batch-major:\n")
                .addJavadoc("per layer its output, pre-activations where they are kept, and gradient.\n");
        if (recordInput) {
            type.addField(FieldSpec.builder(float[].class, EmitPlan.INPUT_FIELD, FINAL)
                    .addJavadoc("One sample's input, gathered from the typed method's record.")
                    .initializer("new float[INPUT_SIZE]")
                    .build());
        }
        for (LayerPlan layer : plan.layers()) {
            if (layer.keepsPreActivations()) {
                type.addField(block(layer.preActivations(), layer.unitsConstant()));
            }
            type.addField(block(layer.activations(), layer.unitsConstant()));
            type.addField(block(layer.gradient(), layer.unitsConstant()));
            if (layer.hasDropout()) {
                type.addField(block(layer.dropped(), layer.unitsConstant()));
            }
        }
        Optional<LayerPlan> adding = plan.widestAddingLoopedLayer();
        adding.ifPresent(layer -> type.addField(FieldSpec.builder(float[].class, EmitPlan.SCRATCH_FIELD, FINAL)
                .addJavadoc("Where a looped layer computes an input gradient that it then adds.")
                .initializer(blockSize(plan.sizeConstant(EmitPlan.input(layer))))
                .build()));
        return type.build();
    }

    private static FieldSpec block(String field, String size) {
        return FieldSpec.builder(float[].class, field, FINAL)
                .initializer(blockSize(size))
                .build();
    }

    private static CodeBlock blockSize(String size) {
        return CodeBlock.of("new float[BLOCK_ROWS * $N]", size);
    }
}
