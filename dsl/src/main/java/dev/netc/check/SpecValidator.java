package dev.netc.check;

import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostics;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a spec and infers its shapes, turning a {@link NetworkSpec} from either front end into a {@link
 * CheckedNetwork}. Each rule class reports into the diagnostics and carries on, so a user sees every independent
 * mistake at once; a check that depends on another's result (shapes on the wiring, the loss on the output) runs only
 * when that result is sound, so one mistake does not cause a cascade of messages.
 */
public final class SpecValidator {

    private SpecValidator() {}

    /**
     * Checks {@code spec}, reporting every problem into {@code diagnostics}.
     *
     * @return the checked network, or empty when an error was reported
     */
    public static Optional<CheckedNetwork> validate(NetworkSpec spec, Diagnostics diagnostics) {
        Diagnostics found = new Diagnostics();
        boolean wirable = NameRules.check(spec, found);
        boolean sizesValid = SizeRules.check(spec, found);
        ValueRules.check(spec, found);
        OptimizerRules.check(spec, found);
        TrainingRules.check(spec, found);
        Optional<Graph> graph = Optional.empty();
        if (wirable && spec.layers().size() <= SizeRules.MAX_LAYERS) {
            graph = GraphRules.check(spec, found);
        }
        Optional<Map<String, Integer>> sizes = Optional.empty();
        if (graph.isPresent()) {
            if (sizesValid) {
                sizes = ShapeInference.infer(spec, graph.get(), found);
            }
            LossOutputRules.check(spec, graph.get(), sizesValid, found);
        }
        found.all().forEach(diagnostics::add);
        if (!found.isClean()) {
            return Optional.empty();
        }
        // On a clean report every step ran and succeeded: each step that stops short reports why.
        NetworkSpec ordered = spec.withLayers(graph.orElseThrow().order());
        return Optional.of(new CheckedNetwork(ordered, sizes.orElseThrow()));
    }
}
