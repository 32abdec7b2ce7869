package dev.netc.spec;

import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The training defaults a spec states ({@code training:} in YAML, {@code @Training} on an interface): each is empty
 * when not stated, and then the trainer's own default applies.
 *
 * @param epochs passes over the training data
 * @param batchSize samples per step
 * @param positions where each was written (keys {@link #EPOCHS} and {@link #BATCH_SIZE})
 */
public record TrainingSpec(OptionalInt epochs, OptionalInt batchSize, Positions positions) {

    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batch_size";

    /** The keys of {@code training:}, in documentation order. */
    public static final List<String> OPTIONS = List.of(EPOCHS, BATCH_SIZE);

    /** Nothing stated. */
    public static final TrainingSpec NONE = new TrainingSpec(OptionalInt.empty(), OptionalInt.empty(), Positions.NONE);

    public TrainingSpec {
        Objects.requireNonNull(epochs, "epochs");
        Objects.requireNonNull(batchSize, "batchSize");
        Objects.requireNonNull(positions, "positions");
    }

    /** The value of {@code option} (one of {@link #OPTIONS}), if stated. */
    public OptionalInt get(String option) {
        return switch (option) {
            case EPOCHS -> epochs;
            case BATCH_SIZE -> batchSize;
            default -> throw new IllegalArgumentException("unknown training option " + option);
        };
    }

    /** A copy stating {@code option} (one of {@link #OPTIONS}); the front ends call this for each one written. */
    public TrainingSpec with(String option, int value) {
        return switch (option) {
            case EPOCHS -> withEpochs(value);
            case BATCH_SIZE -> withBatchSize(value);
            default -> throw new IllegalArgumentException("unknown training option " + option);
        };
    }

    /** A copy stating {@code epochs}. */
    public TrainingSpec withEpochs(int epochs) {
        return new TrainingSpec(OptionalInt.of(epochs), batchSize, positions);
    }

    /** A copy stating {@code batchSize}. */
    public TrainingSpec withBatchSize(int batchSize) {
        return new TrainingSpec(epochs, OptionalInt.of(batchSize), positions);
    }

    /** A copy that records where the defaults were written. */
    public TrainingSpec withPositions(Positions newPositions) {
        return new TrainingSpec(epochs, batchSize, newPositions);
    }
}
