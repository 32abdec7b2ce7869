package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;

/**
 * The generated class's nested {@code Workspace}: one thread's scratch arrays, the network input and, per layer, its
 * output, pre-activations (dense layers) and loss gradient. Each thread gets one from a {@code ThreadLocal} on its
 * first call, so calls from many threads never share scratch memory and warmed-up calls allocate nothing.
 */
final class Workspace {

    private Workspace() {}

    static TypeSpec of(EmitPlan plan, ClassName name) {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(PRIVATE, STATIC, FINAL)
                .addJavadoc("One thread's scratch arrays: the input, and per layer its output, pre-activations and"
                        + " gradient.")
                .addField(array(EmitPlan.INPUT_FIELD, "INPUT_SIZE"));
        for (LayerPlan layer : plan.layers()) {
            if (layer.isDense()) {
                type.addField(array(layer.preActivations(), layer.unitsConstant()));
            }
            type.addField(array(layer.activations(), layer.unitsConstant()));
            type.addField(array(layer.gradient(), layer.unitsConstant()));
        }
        return type.build();
    }

    private static FieldSpec array(String field, String size) {
        return FieldSpec.builder(float[].class, field, FINAL)
                .initializer("new float[$N]", size)
                .build();
    }
}
