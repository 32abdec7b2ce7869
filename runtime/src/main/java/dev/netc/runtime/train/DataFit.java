package dev.netc.runtime.train;

import dev.netc.Loss;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.TargetKind;
import dev.netc.spec.CheckedNetwork;
import java.util.Locale;

/**
 * Checks, before any step, that a data set suits the network: features of the input size, and targets the loss can
 * read. Without the checked network the loss is unknown, so targets may have one value per output or, for several
 * outputs, one class index; with it, sparse categorical cross-entropy must have class indices and every other loss
 * one value per output.
 */
final class DataFit {

    private DataFit() {}

    /**
     * @param what the data's role for messages, e.g. {@code training data}
     * @param checked the network's description, or null
     * @throws IllegalArgumentException saying what was expected and what was found
     */
    static void check(String what, Dataset data, TrainableNetwork network, CheckedNetwork checked) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(what + ": expected at least one sample, found none");
        }
        if (data.featureSize() != network.inputSize()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: expected %d features per sample (the network's input size), found %d",
                    what,
                    network.inputSize(),
                    data.featureSize()));
        }
        if (data.targetKind() == TargetKind.NONE) {
            throw new IllegalArgumentException(what + ": expected targets to train on, found a data set without any");
        }
        int outputs = network.outputSize();
        int width = data.targetWidth();
        boolean sparse = checked == null
                ? width == 1 && outputs > 1
                : checked.spec().loss() == Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
        if (sparse && width != 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: sparse_categorical_crossentropy expects one class index per sample, found %d target values"
                            + " (one-hot targets go with categorical_crossentropy)",
                    what,
                    width));
        }
        if (!sparse && width != outputs) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: expected %d target values per sample (one per output)%s, found %d",
                    what,
                    outputs,
                    checked == null && outputs > 1 ? " or 1 (the class index)" : "",
                    width));
        }
        if (sparse && data.targetKind() == TargetKind.CLASS_INDEX && data.classCount() > outputs) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: has %d classes, but the network has %d outputs (one per class)",
                    what,
                    data.classCount(),
                    outputs));
        }
    }
}
