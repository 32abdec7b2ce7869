package dev.netc.check;

import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.util.List;

/**
 * Checks that the output layer fits the loss and the class names: softmax only on the output, a dense output without
 * dropout, and an output the loss can be computed from.
 *
 * <p>Dropout: training applies a dense layer's dropout to its output, and the loss is computed from the output
 * layer's values, so dropout there would zero some of the predictions the loss compares with the targets. Only a rate
 * in range is reported; a rate outside [0, 1) is already reported as such by {@link ValueRules}.
 *
 * <p>Losses: binary cross-entropy needs one sigmoid unit (it is computed from that unit's logit); categorical and
 * sparse categorical cross-entropy need at least two units with softmax, or linear units read as logits. Mean squared
 * and mean absolute error accept any output, softmax included, as Keras does: regressing onto probabilities is
 * unusual but well defined.
 */
final class LossOutputRules {

    private LossOutputRules() {}

    /**
     * Reports every activation, output or loss problem.
     *
     * @param unitsValid whether every unit count is in range, so the output's size can be compared with the loss and
     *     the classes
     */
    static void check(NetworkSpec spec, Graph graph, boolean unitsValid, Diagnostics diagnostics) {
        checkSoftmax(graph.order(), diagnostics);
        if (!(graph.output() instanceof DenseSpec output)) {
            LayerSpec output = graph.output();
            diagnostics.error(
                    DiagnosticCode.OUTPUT_NOT_DENSE, output.positions().node(), output.name(), output.kind());
            return;
        }
        checkDropout(output, diagnostics);
        if (unitsValid) {
            checkLoss(spec, output, diagnostics);
            checkClasses(spec, output, diagnostics);
        }
    }

    private static void checkSoftmax(List<LayerSpec> order, Diagnostics diagnostics) {
        for (LayerSpec layer : order.subList(0, order.size() - 1)) {
            if (layer instanceof DenseSpec dense && dense.activation() == Activation.SOFTMAX) {
                diagnostics.error(
                        DiagnosticCode.SOFTMAX_NOT_OUTPUT, dense.positions().of(DenseSpec.ACTIVATION), dense.name());
            }
        }
    }

    private static void checkDropout(DenseSpec output, Diagnostics diagnostics) {
        double rate = output.dropout();
        if (rate > 0 && ValueRange.FRACTION.contains(rate)) {
            diagnostics.error(
                    DiagnosticCode.DROPOUT_ON_OUTPUT, output.positions().of(DenseSpec.DROPOUT), output.name());
        }
    }

    private static void checkLoss(NetworkSpec spec, DenseSpec output, Diagnostics diagnostics) {
        Activation activation = output.activation();
        boolean fits =
                switch (spec.loss()) {
                    case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR -> true;
                    case BINARY_CROSSENTROPY -> output.units() == 1 && activation == Activation.SIGMOID;
                    case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> output.units() >= 2
                            && (activation == Activation.SOFTMAX || activation == Activation.LINEAR);
                };
        if (!fits) {
            String expected = spec.loss() == Loss.BINARY_CROSSENTROPY
                    ? "one output unit with sigmoid"
                    : "at least 2 output units with softmax or linear (logits)";
            diagnostics.error(
                    DiagnosticCode.LOSS_ACTIVATION_MISMATCH,
                    spec.positions().of(NetworkSpec.LOSS),
                    spec.loss().yamlName(),
                    expected,
                    units(output.units()) + " with " + activation.yamlName() + " on '" + output.name() + "'");
        }
    }

    /** Classes, when named, match the output units; one sigmoid unit stands for two classes (false, true). */
    private static void checkClasses(NetworkSpec spec, DenseSpec output, Diagnostics diagnostics) {
        int classes = spec.classes().size();
        boolean oneSigmoid = output.units() == 1 && output.activation() == Activation.SIGMOID;
        if (classes == 0 || classes == output.units() || (oneSigmoid && classes == 2)) {
            return;
        }
        String found = classes == 1 ? "1 class is named" : classes + " classes are named";
        if (oneSigmoid) {
            found += "; one sigmoid unit takes exactly 2 classes (false, true)";
        }
        diagnostics.error(
                DiagnosticCode.CLASS_COUNT_MISMATCH,
                spec.positions().of(NetworkSpec.CLASSES),
                output.name(),
                units(output.units()),
                found);
    }

    private static String units(int units) {
        return units == 1 ? "1 unit" : units + " units";
    }
}
