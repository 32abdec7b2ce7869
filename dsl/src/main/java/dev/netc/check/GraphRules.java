package dev.netc.check;

import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks how layers are wired and resolves every layer's inputs.
 *
 * <p>The sequential form (no layer names inputs, only dense layers) is a chain: each layer reads the one before it,
 * the first reads the network input, the last is the output. Otherwise the spec is in graph form: each layer reads
 * the layers it lists (a dense layer that lists none reads the network input), and the output is the one layer no
 * other layer reads.
 */
final class GraphRules {

    private static final String INPUT = InputSpec.NAME;

    private GraphRules() {}

    /**
     * Reports every wiring problem. Layer names must already be unique and none may be {@link InputSpec#NAME}.
     *
     * @return the layers in evaluation order with their inputs resolved, or empty when the wiring is broken
     */
    static Optional<Graph> check(NetworkSpec spec, Diagnostics diagnostics) {
        List<LayerSpec> layers = spec.layers();
        if (layers.isEmpty()) {
            diagnostics.error(DiagnosticCode.NO_LAYERS, spec.positions().of(NetworkSpec.LAYERS));
            return Optional.empty();
        }
        if (isSequential(layers)) {
            return Optional.of(new Graph(chain(layers)));
        }
        Map<String, LayerSpec> resolved = new LinkedHashMap<>();
        for (LayerSpec layer : layers) {
            boolean readsInput = layer.inputs().isEmpty() && layer instanceof DenseSpec;
            resolved.put(layer.name(), readsInput ? layer.withInputs(List.of(INPUT)) : layer);
        }
        boolean wellFormed = true;
        for (LayerSpec layer : layers) {
            wellFormed &= checkInputNames(layer, resolved.keySet(), diagnostics);
            wellFormed &= checkInputCount(layer, diagnostics);
        }
        boolean acyclic = checkCycles(resolved, diagnostics);
        if (!acyclic || !allKnown(resolved)) {
            return Optional.empty(); // with a cycle or a misspelt input, layers may only look unused
        }
        Optional<LayerSpec> output = output(resolved, diagnostics);
        return wellFormed ? output.map(out -> new Graph(postOrder(out, resolved))) : Optional.empty();
    }

    private static boolean isSequential(List<LayerSpec> layers) {
        return layers.stream()
                .allMatch(layer -> layer instanceof DenseSpec && layer.inputs().isEmpty());
    }

    private static List<LayerSpec> chain(List<LayerSpec> layers) {
        List<LayerSpec> chain = new ArrayList<>();
        String previous = INPUT;
        for (LayerSpec layer : layers) {
            chain.add(layer.withInputs(List.of(previous)));
            previous = layer.name();
        }
        return chain;
    }

    /**
     * Checks each name {@code layer} lists: another layer or the network input, and (in a merge) no name twice.
     *
     * @return whether every name listed is fine
     */
    private static boolean checkInputNames(LayerSpec layer, Set<String> names, Diagnostics diagnostics) {
        boolean fine = true;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < layer.inputs().size(); i++) {
            String input = layer.inputs().get(i);
            String key = LayerSpec.INPUTS + "." + i;
            if (input.equals(layer.name())) {
                diagnostics.error(DiagnosticCode.SELF_INPUT, layer.positions().of(key), layer.name());
                fine = false;
            } else if (!input.equals(INPUT) && !names.contains(input)) {
                List<String> candidates = new ArrayList<>(List.of(INPUT));
                names.stream().filter(name -> !name.equals(layer.name())).forEach(candidates::add);
                diagnostics.error(
                        DiagnosticCode.UNKNOWN_INPUT,
                        layer.positions().of(key),
                        layer.name(),
                        input,
                        Suggestions.didYouMean(input, candidates));
                fine = false;
            } else if (!seen.add(input) && !(layer instanceof DenseSpec)) {
                diagnostics.error(
                        DiagnosticCode.DUPLICATE_INPUT, layer.positions().of(key), layer.kind(), layer.name(), input);
                fine = false;
            }
        }
        return fine;
    }

    /** Checks that a dense layer lists at most one input (none means the network input) and a merge at least two. */
    private static boolean checkInputCount(LayerSpec layer, Diagnostics diagnostics) {
        List<String> inputs = layer.inputs();
        boolean dense = layer instanceof DenseSpec;
        if (dense ? inputs.size() > 1 : inputs.size() < 2) {
            diagnostics.error(
                    DiagnosticCode.WRONG_INPUT_COUNT,
                    layer.positions().of(LayerSpec.INPUTS),
                    layer.kind(),
                    layer.name(),
                    count(inputs.size()),
                    dense ? "a dense layer reads exactly one" : "a merge reads at least two");
            return false;
        }
        return true;
    }

    private static String count(int inputs) {
        return switch (inputs) {
            case 0 -> "no inputs";
            case 1 -> "1 input";
            default -> inputs + " inputs";
        };
    }

    /** Reports each cycle at the input of its first layer that closes it; returns whether there is none. */
    private static boolean checkCycles(Map<String, LayerSpec> resolved, Diagnostics diagnostics) {
        Map<String, List<String>> reads = new LinkedHashMap<>();
        resolved.forEach((name, layer) -> reads.put(
                name,
                layer.inputs().stream()
                        .filter(input -> !input.equals(INPUT) && !input.equals(name))
                        .distinct()
                        .toList()));
        List<List<String>> cycles = new CycleFinder(reads).cycles();
        for (List<String> cycle : cycles) {
            LayerSpec first = resolved.get(cycle.get(0));
            String key = LayerSpec.INPUTS + "." + first.inputs().indexOf(cycle.get(1));
            List<String> flow = new ArrayList<>(cycle);
            Collections.reverse(flow);
            diagnostics.error(DiagnosticCode.CYCLE, first.positions().of(key), String.join(" -> ", flow));
        }
        return cycles.isEmpty();
    }

    private static boolean allKnown(Map<String, LayerSpec> resolved) {
        return resolved.values().stream()
                .flatMap(layer -> layer.inputs().stream())
                .allMatch(input -> input.equals(INPUT) || resolved.containsKey(input));
    }

    /**
     * The output: the one layer no other layer reads (reading itself does not count; that was reported already). When
     * several are unread, the last written is taken as the output and the others are reported as unused.
     */
    private static Optional<LayerSpec> output(Map<String, LayerSpec> resolved, Diagnostics diagnostics) {
        Set<String> read = new HashSet<>();
        resolved.values().forEach(layer -> layer.inputs().stream()
                .filter(input -> !input.equals(layer.name()))
                .forEach(read::add));
        List<LayerSpec> unread = resolved.values().stream()
                .filter(layer -> !read.contains(layer.name()))
                .toList();
        LayerSpec output = unread.get(unread.size() - 1);
        for (LayerSpec unused : unread.subList(0, unread.size() - 1)) {
            diagnostics.error(DiagnosticCode.UNUSED_LAYER, unused.positions().node(), unused.name(), output.name());
        }
        return unread.size() == 1 ? Optional.of(output) : Optional.empty();
    }

    /** The layers the output depends on, inputs before readers, visiting each layer's inputs in listed order. */
    private static List<LayerSpec> postOrder(LayerSpec output, Map<String, LayerSpec> resolved) {
        List<LayerSpec> order = new ArrayList<>();
        Set<String> visited = new HashSet<>(List.of(output.name()));
        List<LayerSpec> stack = new ArrayList<>(List.of(output));
        List<Integer> nextInput = new ArrayList<>(List.of(0));
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            LayerSpec layer = stack.get(top);
            int next = nextInput.get(top);
            if (next == layer.inputs().size()) {
                order.add(layer);
                stack.remove(top);
                nextInput.remove(top);
                continue;
            }
            nextInput.set(top, next + 1);
            String input = layer.inputs().get(next);
            if (!input.equals(INPUT) && visited.add(input)) {
                stack.add(resolved.get(input));
                nextInput.add(0);
            }
        }
        return order;
    }
}
