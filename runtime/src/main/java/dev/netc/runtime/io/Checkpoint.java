package dev.netc.runtime.io;

import dev.netc.runtime.io.Architecture.Layer;
import dev.netc.runtime.io.SectionFile.Section;
import dev.netc.runtime.io.WeightFileException.Problem;
import dev.netc.runtime.optim.OptimizerState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a training run needs to continue exactly where it was: the weights (architecture, parameters and any
 * preprocessing, as a {@link WeightFile} holds them), the optimizer's state (every buffer, the step counter and the
 * learning rate in force), the position and derivable random state ({@link CheckpointProgress}), the history so far,
 * and the state of each early-stopping callback. Training resumed from a checkpoint ends with parameters bit-identical
 * to an uninterrupted run's ({@code Trainer.resume}); {@code CheckpointCallback} writes them during training.
 *
 * <p>Saved in netc's container with the kind {@code CKPT}: the weight file's sections, encoded as there, plus {@code
 * optimizer}, {@code progress}, {@code history} and {@code early_stopping} (see {@code docs/weights.md}). Saving is
 * atomic ({@link AtomicFiles}), so a crash while saving leaves the previous checkpoint whole; reading checks every
 * length and checksum, then that the sections agree with each other.
 *
 * <p>A checkpoint holds only finite parameters and optimizer values: one of a diverged run cannot be made, so it can
 * never replace the last good one. Instances are immutable.
 */
public final class Checkpoint {

    /** The container kind of a checkpoint. */
    static final String KIND = "CKPT";

    /** Its sections, in file order: a weight file's, then a checkpoint's own. */
    private static final List<String> SECTIONS = List.of(
            ArchitectureCodec.SECTION,
            WeightFile.PARAMETERS,
            PreprocessingCodec.SECTION,
            ClassesCodec.SECTION,
            CheckpointCodec.OPTIMIZER,
            CheckpointCodec.PROGRESS,
            CheckpointCodec.HISTORY,
            CheckpointCodec.EARLY_STOPPING);

    private final WeightFile weights;
    private final OptimizerState optimizer;
    private final CheckpointProgress progress;
    private final CheckpointHistory history;
    private final List<CheckpointEarlyStopping> earlyStopping;

    private Checkpoint(
            WeightFile weights,
            OptimizerState optimizer,
            CheckpointProgress progress,
            CheckpointHistory history,
            List<CheckpointEarlyStopping> earlyStopping) {
        this.weights = weights;
        this.optimizer = optimizer;
        this.progress = progress;
        this.history = history;
        this.earlyStopping = List.copyOf(earlyStopping);
    }

    /**
     * A checkpoint to save.
     *
     * @param earlyStopping the state of each early-stopping callback of the run, in callback order
     * @throws IllegalArgumentException if the parts disagree (an optimizer buffer or best parameters of another
     *     length than the parameters, a history of another number of epochs than the position's) or a parameter or
     *     optimizer value is NaN or infinite
     */
    public static Checkpoint of(
            WeightFile weights,
            OptimizerState optimizer,
            CheckpointProgress progress,
            CheckpointHistory history,
            List<CheckpointEarlyStopping> earlyStopping) {
        Checkpoint checkpoint = new Checkpoint(
                Objects.requireNonNull(weights, "weights"),
                Objects.requireNonNull(optimizer, "optimizer"),
                Objects.requireNonNull(progress, "progress"),
                Objects.requireNonNull(history, "history"),
                earlyStopping);
        checkpoint.problem().ifPresent(problem -> {
            throw new IllegalArgumentException(
                    "checkpoint of " + weights.architecture().network() + ": " + problem);
        });
        return checkpoint;
    }

    /**
     * Reads and checks a checkpoint: the container as {@link WeightFile#read} does, each section's fields, and that
     * the sections agree with each other.
     *
     * @throws WeightFileException naming the file and, where it applies, the section, with what was expected and what
     *     was found
     */
    public static Checkpoint read(Path path) throws WeightFileException {
        SectionFile container = SectionFile.read(path);
        String file = container.file();
        if (!container.kind().equals(KIND)) {
            throw new WeightFileException(
                    Problem.NOT_A_WEIGHT_FILE,
                    file,
                    null,
                    "expected a checkpoint (kind " + KIND + "), found a netc file of kind " + container.kind()
                            + (container.kind().equals(WeightFile.KIND)
                                    ? ", which holds weights but no training state; read it with WeightFile.read"
                                    : ""));
        }
        rejectUnknownSections(container);
        Checkpoint checkpoint = new Checkpoint(
                WeightFile.decode(container),
                CheckpointCodec.decodeOptimizer(WeightFile.require(container, CheckpointCodec.OPTIMIZER), file),
                CheckpointCodec.decodeProgress(WeightFile.require(container, CheckpointCodec.PROGRESS), file),
                CheckpointCodec.decodeHistory(WeightFile.require(container, CheckpointCodec.HISTORY), file),
                CheckpointCodec.decodeEarlyStopping(
                        WeightFile.require(container, CheckpointCodec.EARLY_STOPPING), file));
        Optional<String> problem = checkpoint.problem();
        if (problem.isPresent()) {
            throw new WeightFileException(Problem.MALFORMED, file, null, "the sections disagree: " + problem.get());
        }
        return checkpoint;
    }

    /** Saves atomically: a crash at any point leaves the old checkpoint or the new one. */
    public void save(Path path) throws WeightFileException {
        List<Section> sections = new ArrayList<>(weights.sections());
        sections.add(new Section(CheckpointCodec.OPTIMIZER, CheckpointCodec.encodeOptimizer(optimizer)));
        sections.add(new Section(CheckpointCodec.PROGRESS, CheckpointCodec.encodeProgress(progress)));
        sections.add(new Section(CheckpointCodec.HISTORY, CheckpointCodec.encodeHistory(history)));
        sections.add(new Section(CheckpointCodec.EARLY_STOPPING, CheckpointCodec.encodeEarlyStopping(earlyStopping)));
        SectionFile.write(path, KIND, sections);
    }

    /** The weights: architecture, parameters and preprocessing; {@code weights().save(path)} exports them. */
    public WeightFile weights() {
        return weights;
    }

    /** The architecture of the network being trained. */
    public Architecture architecture() {
        return weights.architecture();
    }

    /** A copy of the parameters at the checkpoint. */
    public float[] parameters() {
        return weights.parameters();
    }

    /** The optimizer's state: kind, step counter, learning rate in force, buffers. */
    public OptimizerState optimizer() {
        return optimizer;
    }

    /** The position, run settings, random state and running sums. */
    public CheckpointProgress progress() {
        return progress;
    }

    /** The figures of the completed epochs, and the stop reason if a callback asked to stop. */
    public CheckpointHistory history() {
        return history;
    }

    /** The state of each early-stopping callback, in callback order; empty when the run had none. */
    public List<CheckpointEarlyStopping> earlyStopping() {
        return earlyStopping;
    }

    /** The file the checkpoint was read from, or a description of where it came from. */
    public String source() {
        return weights.source();
    }

    /**
     * Every difference between the checkpoint's network and {@code network}, one phrase each; empty when training
     * may continue on it. Stricter than loading weights ({@link WeightFile#parametersFor}): besides the shape
     * signature, each layer's activation and dropout must match, since they change what training computes.
     */
    public List<String> differences(Architecture network) {
        List<String> found = new ArrayList<>(ShapeSignature.differences(architecture(), network));
        for (Layer layer : network.layers()) {
            architecture().layers().stream()
                    .filter(saved -> saved.name().equals(layer.name()))
                    .findFirst()
                    .ifPresent(saved -> {
                        if (!saved.activation().equals(layer.activation())) {
                            found.add(String.format(
                                    Locale.ROOT,
                                    "layer '%s': checkpoint activation %s vs network %s",
                                    layer.name(),
                                    saved.activation(),
                                    layer.activation()));
                        }
                        if (saved.dropout() != layer.dropout()) {
                            found.add(String.format(
                                    Locale.ROOT,
                                    "layer '%s': checkpoint dropout %s vs network %s",
                                    layer.name(),
                                    saved.dropout(),
                                    layer.dropout()));
                        }
                    });
        }
        return found;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "checkpoint of %s at epoch %d/%d, batch %d/%d (%s)",
                architecture().network(),
                progress.epoch() + 1,
                progress.epochs(),
                progress.batch(),
                progress.batchesPerEpoch(),
                optimizer);
    }

    /** The first way the parts disagree or hold a non-finite value; empty when they form a checkpoint. */
    private Optional<String> problem() {
        float[] parameters = weights.parameters();
        int bad = firstNonFinite(parameters);
        if (bad >= 0) {
            return Optional.of("parameter " + bad + " is " + parameters[bad] + "; a checkpoint holds finite values");
        }
        for (String name : optimizer.bufferNames()) {
            float[] buffer = optimizer.buffer(name);
            if (buffer.length != 0 && buffer.length != parameters.length) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "optimizer buffer %s has %d values, expected %d (one per parameter)",
                        name,
                        buffer.length,
                        parameters.length));
            }
            bad = firstNonFinite(buffer);
            if (bad >= 0) {
                return Optional.of("optimizer buffer " + name + "[" + bad + "] is " + buffer[bad]
                        + "; a checkpoint holds finite values");
            }
        }
        if (history.epochs().size() != progress.epoch()) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "the history has %d epochs, expected %d (the epochs before epoch %d)",
                    history.epochs().size(),
                    progress.epoch(),
                    progress.epoch() + 1));
        }
        for (CheckpointEarlyStopping state : earlyStopping) {
            int kept = state.bestParameterCount();
            if (kept >= 0 && kept != parameters.length) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "early stopping on %s keeps %d best parameters, expected %d",
                        state.monitor(),
                        kept,
                        parameters.length));
            }
        }
        return Optional.empty();
    }

    private static int firstNonFinite(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** As for weight files: unknown sections are refused up to this netc's minor version, skipped in newer ones. */
    private static void rejectUnknownSections(SectionFile container) throws WeightFileException {
        if (container.minorVersion() > SectionFile.MINOR_VERSION) {
            return;
        }
        for (Section section : container.sections()) {
            if (!SECTIONS.contains(section.name())) {
                throw new WeightFileException(
                        Problem.UNEXPECTED_SECTION,
                        container.file(),
                        "section '" + section.name() + "'",
                        "expected only the sections " + SECTIONS + " in a checkpoint of format 1."
                                + container.minorVersion());
            }
        }
    }
}
