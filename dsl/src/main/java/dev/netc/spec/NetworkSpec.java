package dev.netc.spec;

import dev.netc.Loss;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network as the user described it, from either front end (YAML or an annotated interface). It is not yet checked:
 * {@link dev.netc.check.SpecValidator} turns it into a {@link CheckedNetwork} or reports what is wrong.
 *
 * <p>Equality ignores source positions, so the YAML and annotated forms of one network are equal.
 *
 * @param name the generated class's simple name
 * @param packageName the generated class's package
 * @param input the input vector
 * @param layers the layers in the order written
 * @param loss the training loss
 * @param optimizer the default optimizer, if the spec states one
 * @param training the training defaults (epochs, batch size), if the spec states any
 * @param classes names of the output classes (an enum's constants, or {@code classes:} in YAML), or empty
 * @param positions where the network and its top-level attributes were written
 */
public record NetworkSpec(
        String name,
        String packageName,
        InputSpec input,
        List<LayerSpec> layers,
        Loss loss,
        Optional<OptimizerSpec> optimizer,
        Optional<TrainingSpec> training,
        List<String> classes,
        Positions positions) {

    public static final String NAME = "network";
    public static final String PACKAGE = "package";
    public static final String INPUT = "input";
    public static final String LAYERS = "layers";
    public static final String LOSS = "loss";
    public static final String OPTIMIZER = "optimizer";
    public static final String TRAINING = "training";
    /** Attribute key for the class names; element {@code i} is {@code classes.i}. */
    public static final String CLASSES = "classes";

    public NetworkSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(input, "input");
        layers = List.copyOf(layers);
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
        classes = List.copyOf(classes);
        Objects.requireNonNull(positions, "positions");
    }

    /** A network that states no training defaults. */
    public NetworkSpec(
            String name,
            String packageName,
            InputSpec input,
            List<LayerSpec> layers,
            Loss loss,
            Optional<OptimizerSpec> optimizer,
            List<String> classes,
            Positions positions) {
        this(name, packageName, input, layers, loss, optimizer, Optional.empty(), classes, positions);
    }

    /** The fully qualified name of the generated class. */
    public String qualifiedName() {
        return packageName.isEmpty() ? name : packageName + "." + name;
    }

    /** The same network with {@code newLayers}. */
    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(name, packageName, input, newLayers, loss, optimizer, training, classes, positions);
    }
}
