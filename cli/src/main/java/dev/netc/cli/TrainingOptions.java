package dev.netc.cli;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.io.AtomicFiles;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.SavedTransform;
import dev.netc.runtime.io.WeightFileException;
import dev.netc.runtime.optim.Schedule;
import dev.netc.runtime.train.Callback;
import dev.netc.runtime.train.CheckpointCallback;
import dev.netc.runtime.train.EarlyStopping;
import dev.netc.runtime.train.History;
import dev.netc.runtime.train.Trainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * What {@code netc train} sets of the training loop beyond epochs, batches and the optimizer: validation, early
 * stopping, a learning-rate schedule, gradient clipping, checkpoints and resuming, and where the history goes.
 */
final class TrainingOptions {

    /** The figure {@code --patience} watches. */
    private static final String VALIDATION_LOSS = "val_loss";

    @Option(
            names = "--validation-split",
            paramLabel = "F",
            description = "Hold out this fraction of the training data (stratified by class) to report val_loss and"
                    + " val_accuracy each epoch.")
    Double validationSplit;

    @Option(
            names = "--patience",
            paramLabel = "N",
            description = "Stop when val_loss has not improved for N epochs, keeping the best epoch's weights"
                    + " (needs --validation-split).")
    Integer patience;

    @Option(
            names = "--schedule",
            paramLabel = "SCHEDULE",
            description = "Learning rate per epoch: cosine (to 0 at the last epoch), step:N:GAMMA (times GAMMA every"
                    + " N epochs) or exponential:GAMMA.")
    String schedule;

    @Option(
            names = "--clip-norm",
            paramLabel = "MAX",
            description = "Scale each step's gradient down to this global L2 norm when it is larger.")
    Double clipNorm;

    @Option(
            names = "--checkpoint",
            paramLabel = "FILE",
            description = "Save the run's whole state to FILE at the end of every epoch.")
    Path checkpoint;

    @Option(
            names = "--resume",
            description = "Continue the run saved in --checkpoint, with the same data and settings, instead of starting"
                    + " afresh.")
    boolean resume;

    @Option(names = "--history", paramLabel = "CSV", description = "Write the figures of every epoch to CSV.")
    Path history;

    /** A usage mistake among these options, or empty. */
    Optional<String> usageError() {
        if (validationSplit != null && !(validationSplit > 0 && validationSplit < 1)) {
            return Optional.of("--validation-split takes a fraction between 0 and 1, found " + validationSplit);
        }
        if (patience != null && (patience < 1 || validationSplit == null)) {
            return Optional.of("--patience takes a number of epochs of at least 1, and needs --validation-split");
        }
        if (clipNorm != null && !(clipNorm > 0 && Double.isFinite(clipNorm))) {
            return Optional.of("--clip-norm must be a finite positive number, found " + clipNorm);
        }
        if (resume && checkpoint == null) {
            return Optional.of("--resume continues the run saved in --checkpoint FILE, which is missing");
        }
        if (schedule != null) {
            try {
                schedule(1); // its form and numbers; the epochs are known once the spec is read
            } catch (IllegalArgumentException e) {
                return Optional.of("--schedule " + schedule + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Sets these options on {@code trainer}, a checkpoint saving {@code preprocessing} with the weights. */
    void apply(Trainer trainer, int epochs, List<SavedTransform> preprocessing) {
        if (validationSplit != null) {
            trainer.validationSplit(validationSplit);
        }
        if (schedule != null) {
            trainer.schedule(schedule(epochs));
        }
        if (clipNorm != null) {
            trainer.clipGradientNorm(clipNorm);
        }
        List<Callback> callbacks = new ArrayList<>();
        if (patience != null) {
            callbacks.add(EarlyStopping.on(VALIDATION_LOSS).patience(patience).restoreBestWeights(true));
        }
        if (checkpoint != null) {
            callbacks.add(CheckpointCallback.to(checkpoint).preprocessing(preprocessing));
        }
        trainer.callbacks(callbacks.toArray(Callback[]::new));
    }

    /** Trains afresh, or with {@code --resume} continues the checkpoint. */
    History run(Trainer trainer, float[] parameters, Dataset train) throws WeightFileException {
        return resume ? trainer.resume(Checkpoint.read(checkpoint), parameters, train) : trainer.fit(parameters, train);
    }

    /** Writes {@code done}'s figures to {@code --history}, when given, atomically as weights are. */
    void writeHistory(History done) throws WeightFileException {
        if (history != null) {
            byte[] csv = done.toCsv().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(history, out -> out.write(csv));
        }
    }

    private Schedule schedule(int epochs) {
        String[] parts = schedule.split(":", -1);
        return switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "cosine" -> {
                expectParts(parts, 1, "cosine");
                yield Schedule.cosine(epochs, 0);
            }
            case "step" -> {
                expectParts(parts, 3, "step:N:GAMMA");
                yield Schedule.step(number(parts[1], "N"), decimal(parts[2], "GAMMA"));
            }
            case "exponential" -> {
                expectParts(parts, 2, "exponential:GAMMA");
                yield Schedule.exponential(decimal(parts[1], "GAMMA"));
            }
            default -> throw new IllegalArgumentException(
                    "expected cosine, step:N:GAMMA or exponential:GAMMA, found " + parts[0]);
        };
    }

    private static void expectParts(String[] parts, int count, String form) {
        if (parts.length != count) {
            throw new IllegalArgumentException("expected the form " + form);
        }
    }

    private static long number(String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, found '" + text + "'");
        }
    }

    private static double decimal(String text, String name) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, found '" + text + "'");
        }
    }
}
