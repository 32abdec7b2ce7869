package dev.netc.runtime.train;

import dev.netc.spec.ParameterLayout;
import java.util.Locale;
import java.util.Optional;

/**
 * Names a position of the flat parameter array as PyTorch and netc's weight files do, {@code dense1.weight[3, 2]} or
 * {@code dense1.bias[4]}, so that a divergence message points at a layer. Without the network's layout (a trainer
 * not {@linkplain Trainer#describedBy described} by its checked network) it can only say {@code parameter 1234}.
 */
final class ParameterNames {

    private final ParameterLayout layout;

    /** @param layout the network's layout, or null when unknown */
    ParameterNames(ParameterLayout layout) {
        this.layout = layout;
    }

    /** The layer that holds parameter {@code index}, when the layout is known. */
    Optional<String> layerOf(int index) {
        return entryOf(index).map(ParameterLayout.Entry::layer);
    }

    /** {@code dense1.weight[3, 2]}, {@code dense1.bias[4]}, or {@code parameter 1234} without a layout. */
    String describe(int index) {
        Optional<ParameterLayout.Entry> found = entryOf(index);
        if (found.isEmpty()) {
            return "parameter " + index;
        }
        ParameterLayout.Entry entry = found.get();
        long offset = index - entry.weights();
        if (offset < entry.weightCount()) {
            return String.format(
                    Locale.ROOT, "%s.weight[%d, %d]", entry.layer(), offset / entry.inputs(), offset % entry.inputs());
        }
        return String.format(Locale.ROOT, "%s.bias[%d]", entry.layer(), index - entry.bias());
    }

    private Optional<ParameterLayout.Entry> entryOf(int index) {
        if (layout == null) {
            return Optional.empty();
        }
        for (ParameterLayout.Entry entry : layout.layers()) {
            if (index >= entry.weights() && index < entry.weights() + entry.count()) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
