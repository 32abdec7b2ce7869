package dev.netc.runtime.train;

import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.CheckpointEarlyStopping;
import dev.netc.runtime.io.CheckpointProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a checkpoint can be resumed by a training run: only when the run would take the very steps the
 * interrupted one would have. Everything that changes those steps must match, and each difference is named: the
 * network (its shape signature, activations and dropout), the optimizer kind, the batch size, the number of training
 * samples, shuffling and its seed, whether there is a learning-rate schedule, the figures reported, and the
 * early-stopping callbacks. The number of epochs may grow (to train longer) but not fall below the checkpoint's
 * position; the optimizer's hyperparameters and the schedule's formula are the new run's, which is how to change them
 * on purpose.
 */
final class Resumption {

    private Resumption() {}

    /**
     * @param samples the number of training samples of the new run
     * @param batchesPerEpoch its number of batches per epoch
     * @param figures the names of the figures it reports
     * @param earlyStopping its early-stopping callbacks, in order
     * @throws IllegalArgumentException listing every difference, when there is one
     */
    static void check(
            Checkpoint checkpoint,
            TrainingPlan plan,
            int samples,
            int batchesPerEpoch,
            List<String> figures,
            List<EarlyStopping> earlyStopping) {
        List<String> found = new ArrayList<>(network(checkpoint, plan));
        CheckpointProgress saved = checkpoint.progress();
        String savedKind = checkpoint.optimizer().kind().yamlName();
        String kind = plan.optimizer().spec().kind().yamlName();
        differ(found, "optimizer", savedKind, kind);
        differ(found, "batch size", saved.batchSize(), plan.batchSize());
        differ(found, "training samples", saved.samples(), samples);
        differ(found, "batches per epoch", saved.batchesPerEpoch(), batchesPerEpoch);
        differ(found, "shuffle", saved.shuffle(), plan.shuffle());
        differ(found, "seed", saved.seed(), plan.seed());
        differ(
                found,
                "learning-rate schedule",
                saved.scheduleEpoch() >= 0 ? "one" : "none",
                plan.schedule().isPresent() ? "one" : "none");
        differ(found, "figures", checkpoint.history().names(), figures);
        if (plan.epochs() < saved.epoch()) {
            found.add(String.format(
                    Locale.ROOT,
                    "epochs: the checkpoint has completed %d, this training asks for only %d",
                    saved.epoch(),
                    plan.epochs()));
        }
        earlyStopping(found, checkpoint.earlyStopping(), earlyStopping);
        if (!found.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.source()
                    + " cannot be resumed by this training, which differs from the checkpoint's:\n  "
                    + String.join("\n  ", found));
        }
    }

    private static List<String> network(Checkpoint checkpoint, TrainingPlan plan) {
        if (plan.architecture().isPresent()) {
            return checkpoint.differences(plan.architecture().get());
        }
        Architecture saved = checkpoint.architecture();
        List<String> found = new ArrayList<>();
        differ(found, "network inputs", saved.inputSize(), plan.network().inputSize());
        differ(found, "network parameters", saved.parameterCount(), (long)
                plan.network().parameterCount());
        return found;
    }

    private static void earlyStopping(
            List<String> found, List<CheckpointEarlyStopping> saved, List<EarlyStopping> callbacks) {
        differ(
                found,
                "early stopping",
                saved.stream().map(CheckpointEarlyStopping::monitor).toList(),
                callbacks.stream().map(EarlyStopping::monitor).toList());
        for (int i = 0; i < Math.min(saved.size(), callbacks.size()); i++) {
            if (callbacks.get(i).restoresBestWeights()
                    && saved.get(i).bestParameters().isEmpty()) {
                found.add("early stopping on " + saved.get(i).monitor()
                        + ": the checkpoint kept no best parameters, this training restores them");
            }
        }
    }

    private static void differ(List<String> found, String what, Object saved, Object now) {
        if (!saved.equals(now)) {
            found.add(what + ": checkpoint " + saved + " vs this training " + now);
        }
    }
}
