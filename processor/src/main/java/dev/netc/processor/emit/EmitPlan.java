package dev.netc.processor.emit;

import com.palantir.javapoet.NameAllocator;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.ParameterLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network lowered for the emitters: per layer, in evaluation order, a {@link LayerPlan} with its decisions
 * (unrolled or looped) and names. Names are allocated with JavaPoet's {@link NameAllocator}, one per name space
 * (constants, workspace fields, methods), after the names the class itself uses, so any layer name is safe: two layers
 * {@code myLayer} and {@code my_layer} get the constant prefixes {@code MY_LAYER} and {@code MY_LAYER_}.
 */
final class EmitPlan {

    /** The workspace field holding the network input. */
    static final String INPUT_FIELD = "input";

    /** Methods of the generated class that are not per layer. */
    private static final List<String> CLASS_METHODS = List.of(
            "inputSize",
            "outputSize",
            "parameterCount",
            "predict",
            "predictBatch",
            "lossAndGradient",
            "initialParameters",
            "newParameters",
            "forward",
            "backward",
            "loss",
            "penalty");

    private final CheckedNetwork network;
    private final EmitOptions options;
    private final Map<String, LayerPlan> layers = new LinkedHashMap<>();

    private EmitPlan(CheckedNetwork network, EmitOptions options) {
        this.network = network;
        this.options = options;
    }

    /** Plans {@code network} under {@code options}. */
    static EmitPlan of(CheckedNetwork network, EmitOptions options) {
        EmitPlan plan = new EmitPlan(network, options);
        NameAllocator constants = new NameAllocator();
        NameAllocator fields = new NameAllocator();
        fields.newName(INPUT_FIELD, INPUT_FIELD);
        NameAllocator methods = new NameAllocator();
        CLASS_METHODS.forEach(name -> methods.newName(name, name));
        int denseIndex = 0;
        for (LayerSpec layer : network.layers()) {
            String name = layer.name();
            Optional<ParameterLayout.Entry> parameters = Optional.empty();
            boolean unrolled = false;
            int index = -1;
            if (layer instanceof DenseSpec) {
                ParameterLayout.Entry entry = network.layout().of(name);
                parameters = Optional.of(entry);
                unrolled = unrollCost(entry) <= options.unrollLimit();
                index = denseIndex++;
            }
            plan.layers.put(
                    name,
                    new LayerPlan(
                            layer,
                            constants.newName(Literals.upperSnake(name), name),
                            network.sizeOf(name),
                            network.inputSize(layer),
                            parameters,
                            index,
                            unrolled,
                            fields.newName(name, name),
                            fields.newName("z" + Literals.capitalize(name), name + "/z"),
                            fields.newName("d" + Literals.capitalize(name), name + "/d"),
                            methods.newName(name + "Forward", name + "/forward"),
                            methods.newName(name + "Backward", name + "/backward"),
                            methods.newName(name + "Penalty", name + "/penalty")));
        }
        return plan;
    }

    /**
     * What unrolling a dense layer costs, measured against the unroll limit: its weights plus its units. Bytecode
     * grows with both (a term per weight, a sum, a store and an activation per unit), so a layer of many units over a
     * few inputs is not unrolled either.
     */
    static long unrollCost(ParameterLayout.Entry entry) {
        return entry.weightCount() + entry.units();
    }

    CheckedNetwork network() {
        return network;
    }

    EmitOptions options() {
        return options;
    }

    /** The layers in evaluation order; the last is the output. */
    List<LayerPlan> layers() {
        return new ArrayList<>(layers.values());
    }

    /** The output layer. */
    LayerPlan output() {
        return layers.get(network.output().name());
    }

    /** The plan of the layer called {@code name}. */
    LayerPlan layer(String name) {
        LayerPlan plan = layers.get(name);
        if (plan == null) {
            throw new IllegalArgumentException("no layer called " + name);
        }
        return plan;
    }

    /** The constant holding the output size of {@code name}, a layer or the network input. */
    String sizeConstant(String name) {
        return isInput(name) ? "INPUT_SIZE" : layer(name).unitsConstant();
    }

    /** The workspace field holding the output of {@code name}, a layer or the network input. */
    String field(String name) {
        return isInput(name) ? INPUT_FIELD : layer(name).activations();
    }

    /** Whether {@code name} is the network input, which has no gradient. */
    static boolean isInput(String name) {
        return name.equals(InputSpec.NAME);
    }

    /** Parameter count as an int: the validator bounds it far below the array limit. */
    int parameterCount() {
        return Math.toIntExact(network.layout().count());
    }

    /** Whether any dense layer has an L2 penalty. */
    boolean hasPenalty() {
        return layers.values().stream()
                .anyMatch(layer -> layer.isDense() && layer.dense().l2() > 0);
    }
}
