package dev.netc.processor.emit;

import com.palantir.javapoet.NameAllocator;
import dev.netc.Activation;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.ParameterLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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

    /** The workspace field holding the network input a typed method reads from a record. */
    static final String INPUT_FIELD = "input";

    /** The workspace field a looped layer computes its input gradient in when it must add it rather than write it. */
    static final String SCRATCH_FIELD = "scratch";

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
            "trainingForward",
            "backward",
            "loss",
            "penalty");

    private final CheckedNetwork network;
    private final EmitOptions options;
    private final Map<String, LayerPlan> layers = new LinkedHashMap<>();

    /** Per layer read by others: the reader that writes its gradient, the first the backward pass reaches. */
    private final Map<String, String> firstGradientWriters = new HashMap<>();

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
        fields.newName(SCRATCH_FIELD, SCRATCH_FIELD);
        NameAllocator methods = new NameAllocator();
        CLASS_METHODS.forEach(name -> methods.newName(name, name));
        int denseIndex = 0;
        for (LayerSpec layer : network.layers()) {
            String name = layer.name();
            Optional<ParameterLayout.Entry> parameters = Optional.empty();
            boolean unrolled = false;
            boolean keepsPreActivations = false;
            int index = -1;
            boolean dropout = false;
            if (layer instanceof DenseSpec dense) {
                ParameterLayout.Entry entry = network.layout().of(name);
                parameters = Optional.of(entry);
                unrolled = unrollCost(entry) <= options.unrollLimit();
                keepsPreActivations = dense.activation() != Activation.LINEAR
                        && (ActivationEmitter.derivativeReadsZ(dense.activation())
                                || name.equals(network.output().name()));
                index = denseIndex++;
                dropout = dense.dropout() > 0;
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
                            keepsPreActivations,
                            fields.newName(name, name),
                            fields.newName("z" + Literals.capitalize(name), name + "/z"),
                            fields.newName("d" + Literals.capitalize(name), name + "/d"),
                            dropout ? fields.newName(name + "Dropped", name + "/dropped") : "",
                            methods.newName(name + "Forward", name + "/forward"),
                            methods.newName(name + "Backward", name + "/backward"),
                            methods.newName(name + "Penalty", name + "/penalty")));
        }
        List<LayerSpec> reversed = new ArrayList<>(network.layers());
        Collections.reverse(reversed);
        for (LayerSpec reader : reversed) {
            for (String source : reader.inputs()) {
                if (!isInput(source)) {
                    plan.firstGradientWriters.putIfAbsent(source, reader.name());
                }
            }
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

    /** Whether {@code name} is the network input, which has no gradient. */
    static boolean isInput(String name) {
        return name.equals(InputSpec.NAME);
    }

    /** Parameter count as an int: the validator bounds it far below the array limit. */
    int parameterCount() {
        return Math.toIntExact(network.layout().count());
    }

    /**
     * Whether {@code reader} is where the backward pass, which visits the layers in reverse evaluation order, first
     * reaches the gradient of its input number {@code index}: there the gradient is written ({@code =}), which clears
     * what the previous block left; every later reader adds to it ({@code +=}). A layer reads each input once (the
     * validator's rule).
     */
    boolean writesGradient(LayerPlan reader, int index) {
        return reader.name()
                .equals(firstGradientWriters.get(reader.spec().inputs().get(index)));
    }

    /** The dense layer's input: a layer, or the network input. */
    static String input(LayerPlan dense) {
        return dense.spec().inputs().get(0);
    }

    /**
     * The looped layer with the widest input among those that add to their input's gradient rather than write it,
     * which {@code DenseKernels.inputGradient} cannot do in place: they compute it in the workspace's scratch field,
     * sized for this one, and add it from there. Empty when no layer needs that.
     */
    Optional<LayerPlan> widestAddingLoopedLayer() {
        return layers.values().stream()
                .filter(layer -> layer.isDense() && !layer.unrolled())
                .filter(layer -> !isInput(input(layer)) && !writesGradient(layer, 0))
                .max(Comparator.comparingInt(LayerPlan::inputSize));
    }

    /** Whether every dense layer is unrolled, so that one sample's forward pass fits in locals. */
    boolean everyDenseLayerUnrolled() {
        return layers.values().stream().filter(LayerPlan::isDense).allMatch(LayerPlan::unrolled);
    }

    /** Whether any dense layer has dropout, which training applies in a forward pass of its own. */
    boolean hasDropout() {
        return layers.values().stream().anyMatch(LayerPlan::hasDropout);
    }

    /** Whether any dense layer has an L2 penalty. */
    boolean hasPenalty() {
        return layers.values().stream()
                .anyMatch(layer -> layer.isDense() && layer.dense().l2() > 0);
    }
}
