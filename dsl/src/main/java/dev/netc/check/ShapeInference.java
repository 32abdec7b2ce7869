package dev.netc.check;

import dev.netc.spec.AddSpec;
import dev.netc.spec.ConcatSpec;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes every layer's output size and the network's parameter count. A dense layer's size is its units, a concat's
 * the sum of its inputs' sizes, an add's the one size all its inputs share. Sizes are computed in {@code long}: a
 * concat's size is bounded only by the parameter limit, since any dense layer reading it needs at least that many
 * weights.
 */
final class ShapeInference {

    private ShapeInference() {}

    /**
     * Infers the sizes of {@code graph}, whose dense units and input size are already known to be in range.
     *
     * @return the output size of every layer and of {@link InputSpec#NAME}, or empty when a size is inconsistent or
     *     the network has too many parameters
     */
    static Optional<Map<String, Integer>> infer(NetworkSpec spec, Graph graph, Diagnostics diagnostics) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put(InputSpec.NAME, (long) spec.input().size());
        boolean consistent = true;
        for (LayerSpec layer : graph.order()) {
            Optional<Long> size = sizeOf(layer, sizes, diagnostics);
            size.ifPresent(known -> sizes.put(layer.name(), known));
            consistent &= size.isPresent();
        }
        if (!consistent || !checkParameterCount(spec, graph, sizes, diagnostics)) {
            return Optional.empty();
        }
        Map<String, Integer> exact = new LinkedHashMap<>();
        sizes.forEach((name, size) -> exact.put(name, Math.toIntExact(size)));
        return Optional.of(exact);
    }

    /** The size of {@code layer}, or empty when it is wrong (reported) or depends on a size that is. */
    private static Optional<Long> sizeOf(LayerSpec layer, Map<String, Long> sizes, Diagnostics diagnostics) {
        if (layer instanceof DenseSpec dense) {
            return Optional.of((long) dense.units());
        }
        if (!sizes.keySet().containsAll(layer.inputs())) {
            return Optional.empty();
        }
        if (layer instanceof ConcatSpec concat) {
            return concatSize(concat, sizes, diagnostics);
        }
        return addSize((AddSpec) layer, sizes, diagnostics);
    }

    private static Optional<Long> concatSize(ConcatSpec concat, Map<String, Long> sizes, Diagnostics diagnostics) {
        long size = concat.inputs().stream().mapToLong(sizes::get).sum();
        if (size > SizeRules.MAX_PARAMETERS) {
            diagnostics.error(
                    DiagnosticCode.SIZE_OUT_OF_RANGE,
                    concat.positions().of(LayerSpec.INPUTS),
                    "output size of concat '" + concat.name() + "'",
                    1,
                    SizeRules.MAX_PARAMETERS,
                    size);
            return Optional.empty();
        }
        return Optional.of(size);
    }

    private static Optional<Long> addSize(AddSpec add, Map<String, Long> sizes, Diagnostics diagnostics) {
        long first = sizes.get(add.inputs().get(0));
        if (add.inputs().stream().allMatch(input -> sizes.get(input) == first)) {
            return Optional.of(first);
        }
        List<String> found = new ArrayList<>();
        for (String input : add.inputs()) {
            found.add("'" + input + "' of size " + sizes.get(input));
        }
        diagnostics.error(
                DiagnosticCode.ADD_SIZE_MISMATCH,
                add.positions().of(LayerSpec.INPUTS),
                add.name(),
                String.join(", ", found));
        return Optional.empty();
    }

    /**
     * Counts the parameters (weights and biases of every dense layer) exactly: every input size is at most {@link
     * SizeRules#MAX_PARAMETERS} and every unit count at most {@link SizeRules#MAX_SIZE}, so with at most {@link
     * SizeRules#MAX_LAYERS} layers the sum stays below 2^55.
     */
    private static boolean checkParameterCount(
            NetworkSpec spec, Graph graph, Map<String, Long> sizes, Diagnostics diagnostics) {
        long count = 0;
        for (LayerSpec layer : graph.order()) {
            if (layer instanceof DenseSpec dense) {
                count += sizes.get(dense.inputs().get(0)) * dense.units() + (dense.useBias() ? dense.units() : 0);
            }
        }
        if (count > SizeRules.MAX_PARAMETERS) {
            diagnostics.error(
                    DiagnosticCode.TOO_MANY_PARAMETERS,
                    spec.positions().of(NetworkSpec.LAYERS),
                    count,
                    SizeRules.MAX_PARAMETERS);
            return false;
        }
        return true;
    }
}
