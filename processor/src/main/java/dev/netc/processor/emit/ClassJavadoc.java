package dev.netc.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.netc.processor.read.JavaSignature;
import dev.netc.processor.read.TypeRef;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import java.util.Optional;

/**
 * The generated class's Javadoc: the logical signature with shapes, the parameter layout in one sentence, the
 * thread-safety rule, what training leaves out, and a short usage example. A class generated from an interface also
 * says which method it implements and that it holds the parameters its constructor was given, not a copy.
 */
final class ClassJavadoc {

    private ClassJavadoc() {}

    static CodeBlock of(EmitPlan plan, Optional<JavaSignature> signature) {
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
                        "row-major {@code [units][inputs]}, then its bias {@code [units]}; gradients use the same layout.\n");
        signature.ifPresent(s -> doc.add(
                        "\n<p>{@code $L} of {@code $L} uses the parameters given to\n",
                        declaration(s),
                        s.interfaceName().simpleName())
                .add("the constructor, which the instance holds, not copies: training that array in place changes\n")
                .add(
                        "what {@code $L} returns. The methods of {@code TrainableNetwork} take parameters in each call.\n",
                        s.methodName()));
        doc.add("\n<p>Thread safety: no call changes state that another call can see. Each thread computes in a\n")
                .add("workspace of its own, made on its first call, so any number of threads may use one instance at\n")
                .add("once, each passing its own output and gradient arrays; later calls allocate nothing.\n");
        if (DirectPredictEmitter.applies(plan)) {
            doc.add("{@code predict} needs no workspace: it computes one sample in locals.\n");
        }
        signature.ifPresent(s -> {
            doc.add(
                            "{@code $L} may be called from many threads at once while no thread writes the held\n",
                            s.methodName())
                    .add(
                            "parameters: to train while others predict, train a copy and construct a new instance from it.\n");
            if (s.output() == JavaSignature.Output.FLOAT_ARRAY) {
                doc.add("{@code $L} returns a new array each call, its one allocation.\n", s.methodName());
            }
        });
        if (plan.hasDropout()) {
            doc.add(
                            "\n<p>Training applies dropout through {@code lossAndGradient} with a step's seed; the method without\n")
                    .add("a seed computes the loss the network has at inference.\n");
        }
        doc.add("\n<pre>{@code\n");
        if (signature.isPresent()) {
            JavaSignature s = signature.get();
            String argument = s.inputRecord().isPresent() ? s.parameterName() : "new float[" + name + ".INPUT_SIZE]";
            doc.add("float[] p = $L.newParameters(42L);\n", name)
                    .add("$L net = new $L(p);\n", name, name)
                    .add("$L result = net.$L($L);\n", returnType(s), s.methodName(), argument);
        } else {
            doc.add("$L net = new $L();\n", name, name)
                    .add("float[] p = $L.newParameters(42L);\n", name)
                    .add("float[] y = new float[$L.OUTPUT_SIZE];\n", name)
                    .add("net.predict(p, new float[$L.INPUT_SIZE], y);\n", name);
        }
        return doc.add("}</pre>\n").build();
    }

    /** {@code Species predict(IrisFeatures features)}, with simple names. */
    private static String declaration(JavaSignature signature) {
        String parameterType = signature.inputRecord().map(TypeRef::simpleName).orElse("float[]");
        return returnType(signature) + " " + signature.methodName() + "(" + parameterType + " "
                + signature.parameterName() + ")";
    }

    private static String returnType(JavaSignature signature) {
        return signature
                .outputEnum()
                .map(TypeRef::simpleName)
                .orElse(signature.output().javaName());
    }
}
