package dev.netc.processor.emit;

import dev.netc.spec.AddSpec;
import dev.netc.spec.CheckedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-line summary of a generated class that the processor prints as a note when asked to be verbose, for
 * example {@code IrisNet: 4 -> 3, 139 parameters, 240 FLOPs per sample (forward); unrolled: dense1, dense2, dense3;
 * looped: none}, dense layers listed in evaluation order. It tells a user what the unroll limit decided without
 * opening the generated source.
 *
 * <p>FLOPs count the forward pass of one sample as the usual estimate does: a multiply and an add per weight (the
 * bias is the sum's starting value), one add per element for each further input of an add layer; activations,
 * softmax and concat's copies are not counted.
 */
final class NetworkSummary {

    private NetworkSummary() {}

    static String of(EmitPlan plan) {
        CheckedNetwork network = plan.network();
        List<String> unrolled = new ArrayList<>();
        List<String> looped = new ArrayList<>();
        for (LayerPlan layer : plan.layers()) {
            if (layer.isDense()) {
                (layer.unrolled() ? unrolled : looped).add(layer.name());
            }
        }
        return String.format(
                Locale.ROOT,
                "%s: %d -> %d, %d parameters, %d FLOPs per sample (forward); unrolled: %s; looped: %s",
                network.spec().name(),
                network.inputSize(),
                network.outputSize(),
                plan.parameterCount(),
                forwardFlops(plan),
                names(unrolled),
                names(looped));
    }

    /** Floating-point operations of one sample's forward pass, counted as the class Javadoc says. */
    static long forwardFlops(EmitPlan plan) {
        long flops = 0;
        for (LayerPlan layer : plan.layers()) {
            if (layer.isDense()) {
                flops += 2 * layer.parameters().orElseThrow().weightCount();
            } else if (layer.spec() instanceof AddSpec) {
                flops += (long) (layer.spec().inputs().size() - 1) * layer.size();
            }
        }
        return flops;
    }

    private static String names(List<String> layers) {
        return layers.isEmpty() ? "none" : String.join(", ", layers);
    }
}
