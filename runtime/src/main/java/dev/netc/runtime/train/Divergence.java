package dev.netc.runtime.train;

import dev.netc.runtime.data.Batch;
import dev.netc.runtime.data.Dataset;
import java.util.List;
import java.util.Locale;

/**
 * Finds non-finite values and writes the message of a {@link TrainingDivergedException}: where (epoch and batch),
 * what (the loss, a gradient or a parameter, named by layer; or the input sample that carried a NaN), and what was
 * done with the parameters. Diagnosis runs only once training has failed, so it may take its time; the one check on
 * the hot path is {@link #firstNonFinite}.
 */
final class Divergence {

    private static final String KEPT = "the parameters are those before this batch";

    private final ParameterNames names;
    private final Dataset train;
    private final History history;
    private final int epochs;
    private final int batchesPerEpoch;

    Divergence(ParameterNames names, Dataset train, History history, int epochs, int batchesPerEpoch) {
        this.names = names;
        this.train = train;
        this.history = history;
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /** The index of the first NaN or infinite value of {@code values}, or -1 when all are finite. */
    static int firstNonFinite(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The loss of {@code batch} is {@code loss}, not finite; nothing was updated. */
    TrainingDivergedException loss(int epoch, Batch batch, float loss, double learningRate) {
        String cause = badInput(batch);
        if (cause == null) {
            cause = String.format(
                    Locale.ROOT,
                    "the batch's inputs and targets are finite, so the parameters have grown out of range:"
                            + " lower the learning rate (now %s) or clip the gradient norm",
                    learningRate);
        }
        return fail(epoch, batch.index(), null, "the loss is " + loss + "; " + cause + "; " + KEPT);
    }

    /** The gradient of the batch has a non-finite value (found by clipping's norm); nothing was updated. */
    TrainingDivergedException gradient(int epoch, int batch, float[] gradient) {
        int index = firstNonFinite(gradient);
        return fail(
                epoch,
                batch,
                names.layerOf(index).orElse(null),
                "the gradient of " + describe(index) + " is " + gradient[index] + "; " + KEPT);
    }

    /**
     * The update of batch {@code batch} made parameter {@code index} {@code value}. The caller restores the
     * parameters before the update.
     */
    TrainingDivergedException parameter(
            int epoch, int batch, int index, float value, float[] gradient, double learningRate) {
        int badGradient = firstNonFinite(gradient);
        String cause = badGradient >= 0
                ? "its gradient had a non-finite value: " + describe(badGradient) + " is " + gradient[badGradient]
                : String.format(
                        Locale.ROOT,
                        "its gradient was finite (%s), so the step overflowed: lower the learning rate (now %s)"
                                + " or clip the gradient norm",
                        gradient[index],
                        learningRate);
        int culprit = badGradient >= 0 ? badGradient : index;
        return fail(
                epoch,
                batch,
                names.layerOf(culprit).orElse(null),
                "the update made " + describe(index) + " " + value + "; " + cause
                        + "; the parameters are restored to those before this batch");
    }

    private String describe(int index) {
        String name = names.describe(index);
        return names.layerOf(index)
                .map(layer -> name + " (layer " + layer + ")")
                .orElse(name);
    }

    /** The first non-finite feature or target of the batch, with its sample's row in the training data. */
    private String badInput(Batch batch) {
        List<String> featureNames = train.featureNames();
        for (int s = 0; s < batch.size(); s++) {
            for (int f = 0; f < batch.featureSize(); f++) {
                float value = batch.features()[s * batch.featureSize() + f];
                if (!Float.isFinite(value)) {
                    String feature = featureNames.isEmpty()
                            ? "feature " + f
                            : "feature '" + featureNames.get(f) + "' (index " + f + ")";
                    return String.format(
                            Locale.ROOT,
                            "%s of training sample %d (0-based row of the training data) is %s",
                            feature,
                            batch.row(s),
                            value);
                }
            }
            for (int t = 0; t < batch.targetWidth(); t++) {
                float value = batch.targets()[s * batch.targetWidth() + t];
                if (!Float.isFinite(value)) {
                    return String.format(
                            Locale.ROOT,
                            "target %d of training sample %d (0-based row of the training data) is %s",
                            t,
                            batch.row(s),
                            value);
                }
            }
        }
        return null;
    }

    private TrainingDivergedException fail(int epoch, int batch, String layer, String what) {
        String message = String.format(
                Locale.ROOT,
                "training diverged at epoch %d/%d, batch %d/%d: %s",
                epoch + 1,
                epochs,
                batch + 1,
                batchesPerEpoch,
                what);
        history.stopped(message);
        return new TrainingDivergedException(message, epoch, batch, layer, history);
    }
}
