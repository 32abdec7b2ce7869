package dev.netc.runtime.train;

import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.SavedTransform;
import dev.netc.runtime.io.WeightFileException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Saves a {@link Checkpoint} of the run to one file, replacing the previous one atomically, every {@code n} steps
 * and/or at the end of every epoch; {@link Trainer#resume} continues from it:
 *
 * <pre>{@code
 * Trainer trainer = Trainer.of(net).epochs(50)
 *         .callbacks(CheckpointCallback.to(Path.of("run.ckpt")).everyBatches(500));
 * trainer.fit(parameters, train);                                          // interrupted, say, in epoch 7
 * trainer.resume(Checkpoint.read(Path.of("run.ckpt")), parameters, train);  // ends as if never interrupted
 * }</pre>
 *
 * <p>Steps are counted over the whole run ({@code epoch * batchesPerEpoch + batch + 1}), so a resumed run saves at
 * the same steps as an uninterrupted one. The trainer runs checkpoint callbacks after the other callbacks, so that a
 * checkpoint at an epoch's end includes what early stopping made of that epoch.
 *
 * <p>When training diverges, the trainer stops before the failing batch's callbacks run, so the file keeps the last
 * good checkpoint; a checkpoint of non-finite values cannot even be made ({@link Checkpoint#of}). A checkpoint that
 * cannot be written stops training with an {@link UncheckedIOException} whose cause, a {@link WeightFileException},
 * names the file; the previous checkpoint is then intact. Writing one allocates and takes a pass over the parameters
 * and optimizer buffers, so choose {@code n} to make it rare; between saves, the batch hook only counts.
 *
 * <p>The checkpoint records the network's architecture: a generated class states it ({@code ARCHITECTURE}); for a
 * network written by hand, the trainer must be {@linkplain Trainer#describedBy described} by its checked network.
 */
public final class CheckpointCallback implements Callback {

    private final Path file;
    private int everyBatches;
    private boolean atEpochEnd = true;
    private List<SavedTransform> preprocessing = List.of();

    private CheckpointCallback(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Checkpoints to {@code file} at the end of every epoch (and, with {@link #everyBatches}, more often). */
    public static CheckpointCallback to(Path file) {
        return new CheckpointCallback(file);
    }

    /**
     * Also saves after every {@code count}-th step of the run; 0 (the default) for none.
     *
     * @throws IllegalArgumentException if negative
     */
    public CheckpointCallback everyBatches(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("everyBatches: expected 0 or more steps, found " + count);
        }
        this.everyBatches = count;
        return this;
    }

    /** Whether to save at the end of every epoch (default true). */
    public CheckpointCallback atEpochEnd(boolean save) {
        this.atEpochEnd = save;
        return this;
    }

    /** The fitted preprocessing to save with the weights, in the order it applies (default none). */
    public CheckpointCallback preprocessing(List<SavedTransform> steps) {
        this.preprocessing = List.copyOf(steps);
        return this;
    }

    /** The file checkpoints are written to. */
    public Path file() {
        return file;
    }

    /** @throws IllegalArgumentException if the trainer does not know the network's architecture */
    @Override
    public void trainingStarted(TrainingRun run) {
        if (!run.canCheckpoint()) {
            throw new IllegalArgumentException("checkpoints to " + file
                    + " record the network's architecture, which this network does not state: call"
                    + " Trainer.describedBy(checkedNetwork) first");
        }
    }

    @Override
    public void batchEnded(TrainingRun run, float loss) {
        if (everyBatches > 0 && ((long) run.epoch() * run.batchesPerEpoch() + run.batch() + 1) % everyBatches == 0) {
            save(run.checkpoint(false, preprocessing));
        }
    }

    @Override
    public void epochEnded(TrainingRun run, Map<String, Double> figures) {
        if (atEpochEnd) {
            save(run.checkpoint(true, preprocessing));
        }
    }

    private void save(Checkpoint checkpoint) {
        try {
            checkpoint.save(file);
        } catch (WeightFileException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "CheckpointCallback[%s, every %d batches, at epoch end %b]",
                file,
                everyBatches,
                atEpochEnd);
    }
}
