package dev.netc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.spec.AddSpec;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.ConcatSpec;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.FilePosition;
import dev.netc.spec.diag.Positions;
import dev.netc.spec.diag.Severity;
import dev.netc.spec.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link NetworkSpec}s for tests, giving every node and attribute its own {@link FilePosition} in a file
 * {@value #FILE}, so a test can assert exactly which attribute a diagnostic points at. Where things sit:
 *
 * <ul>
 *   <li>network-level attributes: {@link #network(String)}, lines 1 to 7;
 *   <li>the input: {@link #input(String)}, line 3;
 *   <li>the optimizer: {@link #optimizer(String)}, line 8;
 *   <li>layer {@code i} (0-based, in written order): {@link #layer(int, String)}, line 10 + i.
 * </ul>
 */
final class TestNet {

    static final String FILE = "net.yaml";

    private static final List<String> NETWORK_KEYS = List.of(
            NetworkSpec.NAME,
            NetworkSpec.PACKAGE,
            NetworkSpec.INPUT,
            NetworkSpec.CLASSES,
            NetworkSpec.LAYERS,
            NetworkSpec.LOSS,
            NetworkSpec.OPTIMIZER);
    private static final List<String> LAYER_KEYS = List.of(
            LayerSpec.NAME,
            DenseSpec.UNITS,
            DenseSpec.ACTIVATION,
            LayerSpec.INPUTS,
            DenseSpec.INIT,
            DenseSpec.USE_BIAS,
            DenseSpec.L2,
            DenseSpec.DROPOUT);
    private static final List<String> OPTIMIZER_KEYS = List.of(
            OptimizerSpec.LEARNING_RATE,
            OptimizerSpec.MOMENTUM,
            OptimizerSpec.BETA1,
            OptimizerSpec.BETA2,
            OptimizerSpec.RHO,
            OptimizerSpec.EPSILON,
            OptimizerSpec.WEIGHT_DECAY);

    private String name = "TestNet";
    private String packageName = "com.example";
    private final int inputSize;
    private List<String> features = List.of();
    private final List<LayerSpec> layers = new ArrayList<>();
    private Loss loss = Loss.MEAN_SQUARED_ERROR;
    private Optional<OptimizerSpec> optimizer = Optional.empty();
    private List<String> classes = List.of();

    private TestNet(int inputSize) {
        this.inputSize = inputSize;
    }

    /** A network reading {@code size} unnamed features, with no layers yet, trained with mean squared error. */
    static TestNet input(int size) {
        return new TestNet(size);
    }

    /** A network whose input is named by {@code names}: input size is their count. */
    static TestNet features(String... names) {
        return new TestNet(names.length).withFeatures(names);
    }

    TestNet withFeatures(String... names) {
        features = List.of(names);
        return this;
    }

    TestNet named(String newName) {
        name = newName;
        return this;
    }

    TestNet inPackage(String newPackage) {
        packageName = newPackage;
        return this;
    }

    TestNet loss(Loss newLoss) {
        loss = newLoss;
        return this;
    }

    TestNet classes(String... names) {
        classes = List.of(names);
        return this;
    }

    TestNet optimizer(OptimizerSpec spec) {
        optimizer = Optional.of(spec);
        return this;
    }

    /** Adds a dense layer with every default but units and activation; {@code inputs} may be empty. */
    TestNet dense(String layer, int units, Activation activation, String... inputs) {
        return layer(DenseSpec.of(layer, units, activation).withInputs(List.of(inputs)));
    }

    TestNet concat(String layer, String... inputs) {
        return layer(new ConcatSpec(layer, List.of(inputs), Positions.NONE));
    }

    TestNet add(String layer, String... inputs) {
        return layer(new AddSpec(layer, List.of(inputs), Positions.NONE));
    }

    /** Adds any layer; its positions are replaced by this builder's. */
    TestNet layer(LayerSpec layer) {
        layers.add(layer);
        return this;
    }

    /** A dense layer with every attribute stated. */
    static DenseSpec denseSpec(
            String layer, int units, Activation activation, boolean useBias, double l2, double dropout) {
        return new DenseSpec(
                layer, List.of(), units, activation, Init.GLOROT_UNIFORM, useBias, l2, dropout, Positions.NONE);
    }

    NetworkSpec build() {
        List<LayerSpec> placed = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            placed.add(placed(
                    layers.get(i), layerPositions(i, layers.get(i).inputs().size())));
        }
        Positions inputAt = Positions.of(input(InputSpec.NAME)).with(InputSpec.SIZE, input(InputSpec.SIZE));
        if (!features.isEmpty()) {
            inputAt = inputAt.with(InputSpec.FEATURES, input(InputSpec.FEATURES));
        }
        for (int i = 0; i < features.size(); i++) {
            inputAt = inputAt.with(InputSpec.FEATURES + "." + i, input(InputSpec.FEATURES + "." + i));
        }
        Positions networkAt = Positions.of(at(1, 1));
        for (String key : NETWORK_KEYS) {
            networkAt = networkAt.with(key, network(key));
        }
        for (int i = 0; i < classes.size(); i++) {
            networkAt = networkAt.with(NetworkSpec.CLASSES + "." + i, network(NetworkSpec.CLASSES + "." + i));
        }
        Optional<OptimizerSpec> optimizerAt = optimizer.map(spec -> {
            Positions at = Positions.of(optimizer("kind"));
            for (String key : OptimizerSpec.options(spec.kind())) {
                at = at.with(key, optimizer(key));
            }
            return spec.withPositions(at);
        });
        return new NetworkSpec(
                name,
                packageName,
                new InputSpec(inputSize, features, inputAt),
                placed,
                loss,
                optimizerAt,
                classes,
                networkAt);
    }

    /** Validates the built spec into a fresh report. */
    Validated validate() {
        Diagnostics diagnostics = new Diagnostics();
        Optional<CheckedNetwork> checked = SpecValidator.validate(build(), diagnostics);
        return new Validated(checked, diagnostics);
    }

    /** The outcome of {@link #validate()}, with the assertions tests make on it. */
    record Validated(Optional<CheckedNetwork> checked, Diagnostics diagnostics) {

        /** Asserts that validation passed without any diagnostic, and returns the checked network. */
        CheckedNetwork clean() {
            assertEquals(List.of(), diagnostics.all(), diagnostics::toString);
            return checked.orElseThrow(() -> new AssertionError("no checked network despite a clean report"));
        }

        /**
         * Asserts that validation reported exactly one error, with {@code code}, at {@code at}, whose message contains
         * every one of {@code parts}; returns the diagnostic.
         */
        Diagnostic single(DiagnosticCode code, SourcePosition at, String... parts) {
            assertEquals(1, diagnostics.all().size(), diagnostics::toString);
            assertTrue(checked.isEmpty(), "a checked network despite an error");
            Diagnostic diagnostic = diagnostics.all().get(0);
            assertEquals(Severity.ERROR, diagnostic.severity());
            assertEquals(code, diagnostic.code(), diagnostic::format);
            assertEquals(at, diagnostic.at(), diagnostic::format);
            for (String part : parts) {
                assertTrue(diagnostic.message().contains(part), () -> "'" + part + "' not in " + diagnostic.format());
            }
            return diagnostic;
        }

        /** The codes reported, in order. */
        List<DiagnosticCode> codes() {
            return diagnostics.all().stream().map(Diagnostic::code).toList();
        }
    }

    static FilePosition at(int line, int column) {
        return new FilePosition(FILE, line, column);
    }

    /** Where a network-level attribute ({@code network}, {@code loss}, {@code classes.2}...) is written. */
    static FilePosition network(String key) {
        int dot = key.indexOf('.');
        if (dot >= 0) {
            int line = 1 + index(NETWORK_KEYS, key.substring(0, dot));
            return at(line, 20 + 10 * Integer.parseInt(key.substring(dot + 1)));
        }
        return at(1 + index(NETWORK_KEYS, key), 10);
    }

    /** Where an input attribute ({@code input} for the node, {@code size}, {@code features}, {@code features.1}). */
    static FilePosition input(String key) {
        return switch (key) {
            case InputSpec.NAME -> at(3, 8);
            case InputSpec.SIZE -> at(3, 9);
            case InputSpec.FEATURES -> at(3, 10);
            default -> at(3, 20 + 10 * Integer.parseInt(key.substring(key.indexOf('.') + 1)));
        };
    }

    /** Where an optimizer option is written, or ({@code "kind"}) the optimizer itself. */
    static FilePosition optimizer(String key) {
        return at(8, key.equals("kind") ? 12 : 20 + 10 * index(OPTIMIZER_KEYS, key));
    }

    /** Where layer {@code index} (0-based) is written ({@code "node"}), or one of its attributes ({@code inputs.1}). */
    static FilePosition layer(int index, String key) {
        int line = 10 + index;
        if (key.equals("node")) {
            return at(line, 3);
        }
        if (key.startsWith(LayerSpec.INPUTS + ".")) {
            return at(line, 200 + 10 * Integer.parseInt(key.substring(LayerSpec.INPUTS.length() + 1)));
        }
        return at(line, 10 + 10 * index(LAYER_KEYS, key));
    }

    private static Positions layerPositions(int index, int inputs) {
        Positions at = Positions.of(layer(index, "node"));
        for (String key : LAYER_KEYS) {
            at = at.with(key, layer(index, key));
        }
        for (int i = 0; i < inputs; i++) {
            at = at.with(LayerSpec.INPUTS + "." + i, layer(index, LayerSpec.INPUTS + "." + i));
        }
        return at;
    }

    private static LayerSpec placed(LayerSpec layer, Positions at) {
        if (layer instanceof DenseSpec d) {
            return new DenseSpec(
                    d.name(), d.inputs(), d.units(), d.activation(), d.init(), d.useBias(), d.l2(), d.dropout(), at);
        }
        if (layer instanceof ConcatSpec c) {
            return new ConcatSpec(c.name(), c.inputs(), at);
        }
        return new AddSpec(layer.name(), layer.inputs(), at);
    }

    private static int index(List<String> keys, String key) {
        int index = keys.indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException("no position for " + key + "; known: " + keys);
        }
        return index;
    }
}
