package dev.netc.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.netc.spec.CheckedNetwork;
import java.util.List;

/**
 * The generated class's Javadoc: the logical signature with shapes, the parameter layout in one sentence, the
 * thread-safety rule, what training leaves out, and a short usage example.
 */
final class ClassJavadoc {

    private ClassJavadoc() {}

    static CodeBlock of(EmitPlan plan) {
        CheckedNetwork network = plan.network();
        String name = network.spec().name();
        List<String> features = network.spec().input().features();
        CodeBlock.Builder doc = CodeBlock.builder()
                .add(
                        "$L: {@code float[$L] -> float[$L]}, $L parameters. Generated from $L.\n",
                        name,
                        network.inputSize(),
                        network.outputSize(),
                        plan.parameterCount(),
                        plan.options().source());
        if (!features.isEmpty()) {
            doc.add("Input features, in order: $L.\n", String.join(", ", features));
        }
        doc.add("\n<p>Parameters are one {@code float[PARAMETER_COUNT]}: for each dense layer in order, its weights\n")
                .add(
                        "row-major {@code [units][inputs]}, then its bias {@code [units]}; gradients use the same layout.\n")
                .add("\n<p>Thread safety: no call changes state that another call can see. Each thread computes in a\n")
                .add("workspace of its own, made on its first call, so any number of threads may use one instance at\n")
                .add("once, each passing its own output and gradient arrays; later calls allocate nothing.\n")
                .add("\n<p>Training computes the loss the network has at inference: dropout is not applied.\n")
                .add("\n<pre>{@code\n")
                .add("$L net = new $L();\n", name, name)
                .add("float[] p = net.initialParameters(42L);\n")
                .add("float[] y = new float[$L.OUTPUT_SIZE];\n", name)
                .add("net.predict(p, new float[$L.INPUT_SIZE], y);\n", name)
                .add("}</pre>\n");
        return doc.build();
    }
}
