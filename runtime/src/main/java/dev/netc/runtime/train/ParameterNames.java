package dev.netc.runtime.train;

import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Architecture.Tensor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names a position of the flat parameter array as PyTorch and netc's weight files do, {@code dense1.weight[3, 2]} or
 * {@code dense1.bias[4]}, so that a divergence message points at a layer. Without the network's architecture (a
 * network written by hand, whose trainer is not {@linkplain Trainer#describedBy described} by a checked network) it
 * can only say {@code parameter 1234}.
 */
final class ParameterNames {

    private final List<Tensor> tensors;

    ParameterNames(Optional<Architecture> architecture) {
        this.tensors = architecture.map(Architecture::tensors).orElse(List.of());
    }

    /** The layer that holds parameter {@code index}, when the architecture is known. */
    Optional<String> layerOf(int index) {
        return tensorOf(index).map(Tensor::layer);
    }

    /** {@code dense1.weight[3, 2]}, {@code dense1.bias[4]}, or {@code parameter 1234} without an architecture. */
    String describe(int index) {
        Optional<Tensor> found = tensorOf(index);
        if (found.isEmpty()) {
            return "parameter " + index;
        }
        Tensor tensor = found.get();
        long offset = index - tensor.offset();
        if (tensor.shape().size() == 2) {
            int inputs = tensor.shape().get(1);
            return String.format(Locale.ROOT, "%s[%d, %d]", tensor.name(), offset / inputs, offset % inputs);
        }
        return String.format(Locale.ROOT, "%s[%d]", tensor.name(), offset);
    }

    private Optional<Tensor> tensorOf(int index) {
        return tensors.stream()
                .filter(tensor -> index >= tensor.offset() && index < tensor.offset() + tensor.count())
                .findFirst();
    }
}
