package dev.netc;

import java.util.Locale;

/** The loss a network is trained with. Every loss is the mean over the batch, as in PyTorch. */
public enum Loss {
    /** Mean over every output element of {@code (y - t)^2}. */
    MEAN_SQUARED_ERROR,
    /** Mean over every output element of {@code |y - t|}. */
    MEAN_ABSOLUTE_ERROR,
    /** Binary cross-entropy on one sigmoid unit, computed from the logit for stability. */
    BINARY_CROSSENTROPY,
    /** Cross-entropy against one-hot (or probability) targets, on a softmax or linear (logits) output. */
    CATEGORICAL_CROSSENTROPY,
    /** Cross-entropy against class indices, on a softmax or linear (logits) output. */
    SPARSE_CATEGORICAL_CROSSENTROPY;

    /** The spelling used in YAML specs and messages, for example {@code categorical_crossentropy}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
