package dev.netc.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.netc.Activation;
import dev.netc.Loss;

/**
 * Writes {@code loss(z, a, t, first, rows, scale, d)}: the summed loss of a block of samples ({@code first} is the
 * block's first sample in the batch, which locates its targets in {@code t}), returned in double, and each sample's
 * gradient times {@code scale} (1 / the mean's divisor) written into {@code d}, row by row on the batch-major block.
 * The cross-entropies work from the logits {@code z} and write the gradient with respect to {@code z}, as the
 * reference does: binary cross-entropy as {@code softplus(z) - z t} with gradient {@code sigmoid(z) - t}; categorical
 * cross-entropy as {@code sum(t) logSumExp(z) - sum(t z)} with gradient {@code softmax(z) sum(t) - t} (which is {@code
 * p - t} for one-hot targets); sparse categorical cross-entropy the same for a one-hot target given by its index. Mean
 * squared and absolute error write the gradient with respect to the activations, which the output layer's backward
 * pass then takes through its activation.
 */
final class LossEmitter {

    private static final TypeName FLOATS = TypeName.get(float[].class);
    private static final ClassName ARGUMENTS = ClassName.get("dev.netc.runtime", "Arguments");

    private final EmitPlan plan;

    LossEmitter(EmitPlan plan) {
        this.plan = plan;
    }

    /** Whether the loss writes the gradient with respect to the logits {@code z} rather than the activations. */
    static boolean fromLogits(Loss loss) {
        return loss != Loss.MEAN_SQUARED_ERROR && loss != Loss.MEAN_ABSOLUTE_ERROR;
    }

    /** Whether the loss averages over samples only (the categorical ones), not over every output element. */
    static boolean meanOverSamples(Loss loss) {
        return loss == Loss.CATEGORICAL_CROSSENTROPY || loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    /** Values per sample in the targets: one class index for sparse categorical cross-entropy, else the outputs. */
    static String targetWidth(Loss loss) {
        return loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY ? "1" : "OUTPUT_SIZE";
    }

    /** The loss method. */
    MethodSpec loss() {
        Loss loss = plan.network().spec().loss();
        MethodSpec.Builder method = MethodSpec.methodBuilder("loss")
                .addModifiers(PRIVATE, STATIC)
                .returns(double.class)
                .addParameter(FLOATS, "z")
                .addParameter(FLOATS, "a")
                .addParameter(FLOATS, "t")
                .addParameter(int.class, "first")
                .addParameter(int.class, "rows")
                .addParameter(float.class, "scale")
                .addParameter(FLOATS, "d");
        switch (loss) {
            case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR -> elementwise(method, loss);
            case BINARY_CROSSENTROPY -> binary(method);
            case CATEGORICAL_CROSSENTROPY -> categorical(method);
            case SPARSE_CATEGORICAL_CROSSENTROPY -> sparse(method);
        }
        return method.build();
    }

    /** {@code loss(w.zOut, w.out, targets, first, rows, scale, w.dOut)}, as the training step calls it. */
    CodeBlock call() {
        LayerPlan output = plan.output();
        return CodeBlock.of(
                "loss(w.$N, w.$N, targets, first, rows, scale, w.$N)",
                output.preActivationsField(),
                output.activations(),
                output.gradient());
    }

    /**
     * Opens the loop over the block's samples: {@code row} is the sample's in the block, {@code targetRow} its row of
     * {@code OUTPUT_SIZE} targets in {@code t} (not for sparse targets, one index per sample).
     */
    private static void eachSample(MethodSpec.Builder method, boolean targetRows) {
        method.addStatement("double sum = 0")
                .beginControlFlow("for (int r = 0; r < rows; r++)")
                .addStatement("int row = r * OUTPUT_SIZE");
        if (targetRows) {
            method.addStatement("int targetRow = (first + r) * OUTPUT_SIZE");
        }
    }

    private static void elementwise(MethodSpec.Builder method, Loss loss) {
        boolean squared = loss == Loss.MEAN_SQUARED_ERROR;
        method.addComment(
                squared
                        ? "mean squared error: (a - t)^2, gradient 2 (a - t)"
                        : "mean absolute error: |a - t|, gradient sign(a - t)");
        eachSample(method, true);
        method.beginControlFlow("for (int i = 0; i < OUTPUT_SIZE; i++)")
                .addStatement("float diff = a[row + i] - t[targetRow + i]");
        if (squared) {
            method.addStatement("sum += (double) diff * diff").addStatement("d[row + i] = 2f * diff * scale");
        } else {
            method.addStatement("sum += $T.abs(diff)", Math.class)
                    .addStatement("d[row + i] = $T.signum(diff) * scale", Math.class);
        }
        method.endControlFlow().endControlFlow().addStatement("return sum");
    }

    private static void binary(MethodSpec.Builder method) {
        method.addComment(
                "binary cross-entropy from the logit: max(z,0) - z*t + log1p(exp(-|z|)), gradient sigmoid(z) - t");
        eachSample(method, true);
        method.beginControlFlow("for (int i = 0; i < OUTPUT_SIZE; i++)")
                .addStatement("float logit = z[row + i]")
                .addStatement("float target = t[targetRow + i]")
                .addStatement("sum += $T.softplus(logit) - (double) logit * target", ActivationEmitter.ACTIVATIONS)
                .addStatement("d[row + i] = ($T.sigmoid(logit) - target) * scale", ActivationEmitter.ACTIVATIONS)
                .endControlFlow()
                .endControlFlow()
                .addStatement("return sum");
    }

    private void categorical(MethodSpec.Builder method) {
        method.addComment("categorical cross-entropy from the logits: sum(t) * logSumExp(z) - sum(t * z)");
        eachSample(method, true);
        method.addStatement("double logSumExp = $T.logSumExp(z, row, OUTPUT_SIZE)", ActivationEmitter.ACTIVATIONS)
                .addStatement("float targetSum = 0f")
                .beginControlFlow("for (int i = 0; i < OUTPUT_SIZE; i++)")
                .addStatement("float target = t[targetRow + i]")
                .addStatement("targetSum += target")
                .addStatement("sum += target * (logSumExp - z[row + i])")
                .endControlFlow();
        CodeBlock probabilities = probabilities(method);
        method.addComment("gradient softmax(z) * sum(t) - t: p - t for one-hot targets")
                .beginControlFlow("for (int i = 0; i < OUTPUT_SIZE; i++)")
                .addStatement("d[row + i] = ($L[row + i] * targetSum - t[targetRow + i]) * scale", probabilities)
                .endControlFlow()
                .endControlFlow()
                .addStatement("return sum");
    }

    private void sparse(MethodSpec.Builder method) {
        method.addComment("sparse categorical cross-entropy from the logits: logSumExp(z) - z[target]");
        eachSample(method, false);
        method.addStatement("int target = $T.classIndex(t, first + r, OUTPUT_SIZE)", ARGUMENTS)
                .addStatement(
                        "sum += $T.logSumExp(z, row, OUTPUT_SIZE) - z[row + target]", ActivationEmitter.ACTIVATIONS);
        CodeBlock probabilities = probabilities(method);
        method.addComment("gradient softmax(z) - onehot(target)")
                .beginControlFlow("for (int i = 0; i < OUTPUT_SIZE; i++)")
                .addStatement("d[row + i] = $L[row + i] * scale", probabilities)
                .endControlFlow()
                .addStatement("d[row + target] -= scale")
                .endControlFlow()
                .addStatement("return sum");
    }

    /** The softmax of the logits: the output itself on a softmax layer, else computed into {@code d}. */
    private CodeBlock probabilities(MethodSpec.Builder method) {
        if (plan.network().outputActivation() == Activation.SOFTMAX) {
            return CodeBlock.of("a");
        }
        method.addComment("softmax of the logits (the output layer is linear): subtract the maximum for stability")
                .addStatement("$T.softmax(z, row, d, row, OUTPUT_SIZE)", ActivationEmitter.ACTIVATIONS);
        return CodeBlock.of("d");
    }
}
