package dev.netc.runtime.metrics;

/**
 * A figure of merit computed from a network's outputs and the targets, such as accuracy. A metric is a stateless
 * description; the counting happens in an {@link Accumulator} made for one pass over one data set, so one metric can
 * measure training and validation data side by side.
 *
 * <p>Outputs are what {@code Network.predictBatch} returns, after the output activation (probabilities for a sigmoid
 * or softmax output); targets are laid out as {@code TrainableNetwork.lossAndGradient} takes them: {@code
 * outputSize} values per sample, or one class index per sample for sparse categorical data.
 *
 * <pre>{@code
 * Trainer.of(net).metrics(Metric.accuracy(), Metric.meanAbsoluteError())...
 * }</pre>
 */
public interface Metric {

    /** The figure's name in a training history and an evaluation, e.g. {@code accuracy}. */
    String name();

    /** Whether a larger value is better; early stopping maximises such a figure and minimises the others. */
    boolean higherIsBetter();

    /**
     * A new accumulator for outputs of {@code outputSize} values and targets of {@code targetWidth} values per sample.
     *
     * @throws IllegalArgumentException if this metric cannot compare such outputs and targets, saying what it expects
     */
    Accumulator accumulator(int outputSize, int targetWidth);

    /**
     * Accuracy as Keras resolves the word: binary accuracy for a network with one output, categorical accuracy for a
     * network with several.
     */
    static Metric accuracy() {
        return Accuracy.AUTO;
    }

    /**
     * The share of samples whose largest output is at the target class: the target's class index (sparse targets,
     * one value per sample), or the position of the largest target value (one-hot targets). Ties go to the first.
     */
    static Metric categoricalAccuracy() {
        return Accuracy.CATEGORICAL;
    }

    /**
     * The share of output values on the right side of 0.5: an output above 0.5 predicts 1, and it is right when the
     * target is above 0.5 too. With several outputs (multi-label), every output value counts once.
     */
    static Metric binaryAccuracy() {
        return Accuracy.BINARY;
    }

    /** The mean over every output value of {@code (output - target)^2}. */
    static Metric meanSquaredError() {
        return MeanError.SQUARED;
    }

    /** The mean over every output value of {@code |output - target|}. */
    static Metric meanAbsoluteError() {
        return MeanError.ABSOLUTE;
    }

    /**
     * A metric's running count over one pass. Adding allocates nothing. Not thread-safe.
     */
    interface Accumulator {

        /**
         * Counts {@code count} samples.
         *
         * @param outputs at least {@code count * outputSize} values, row-major; not modified
         * @param targets at least {@code count * targetWidth} values, row-major; not modified
         */
        void add(float[] outputs, float[] targets, int count);

        /** The metric over every sample added so far; NaN before the first. */
        double value();
    }
}
