package dev.netc.runtime.io;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of the epochs a checkpointed run completed, so that a resumed run returns the whole history, and why the
 * run was asked to stop, if it was.
 *
 * @param names the figures' names, in report order
 * @param epochs per completed epoch, the figures in the order of {@code names}
 * @param stopReason why a callback asked the run to stop; empty while it goes on
 */
public record CheckpointHistory(List<String> names, List<List<Double>> epochs, Optional<String> stopReason) {

    /** @throws IllegalArgumentException if an epoch does not have one value per name */
    public CheckpointHistory {
        names = List.copyOf(names);
        epochs = epochs.stream().map(List::copyOf).toList();
        Objects.requireNonNull(stopReason, "stopReason");
        for (int epoch = 0; epoch < epochs.size(); epoch++) {
            if (epochs.get(epoch).size() != names.size()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "epoch %d has %d figures, expected one per name %s",
                        epoch,
                        epochs.get(epoch).size(),
                        names));
            }
        }
    }
}
