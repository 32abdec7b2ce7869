package dev.netc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.spec.diag.FilePosition;
import dev.netc.spec.diag.Positions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {

    private static NetworkSpec spec(String packageName, Positions positions, List<LayerSpec> layers) {
        return new NetworkSpec(
                "XorNet",
                packageName,
                InputSpec.of(2),
                layers,
                Loss.BINARY_CROSSENTROPY,
                Optional.empty(),
                List.of(),
                positions);
    }

    private static final List<LayerSpec> LAYERS =
            List.of(DenseSpec.of("hidden", 4, Activation.TANH), DenseSpec.of("out", 1, Activation.SIGMOID));

    @Test
    void equalityIgnoresWhereTheSpecWasWritten() {
        Positions somewhere =
                Positions.of(new FilePosition("xor.yaml", 1, 1)).with("loss", new FilePosition("xor.yaml", 9, 7));
        assertEquals(spec("x", Positions.NONE, LAYERS), spec("x", somewhere, LAYERS));
        assertEquals(
                spec("x", Positions.NONE, LAYERS).hashCode(),
                spec("x", somewhere, LAYERS).hashCode());
        assertNotEquals(spec("x", Positions.NONE, LAYERS), spec("y", Positions.NONE, LAYERS));
    }

    @Test
    void qualifiesTheClassNameWithItsPackageUnlessThePackageIsUnnamed() {
        assertEquals(
                "com.example.XorNet",
                spec("com.example", Positions.NONE, LAYERS).qualifiedName());
        assertEquals("XorNet", spec("", Positions.NONE, LAYERS).qualifiedName());
    }

    @Test
    void copiesItsListsSoLaterChangesDoNotLeakIn() {
        List<LayerSpec> layers = new ArrayList<>(LAYERS);
        NetworkSpec spec = spec("x", Positions.NONE, layers);
        layers.clear();
        assertEquals(2, spec.layers().size());
        assertThrows(UnsupportedOperationException.class, () -> spec.layers().clear());
    }

    @Test
    void replacesOnlyTheLayers() {
        NetworkSpec spec = spec("x", Positions.NONE, LAYERS);
        NetworkSpec reversed = spec.withLayers(List.of(LAYERS.get(1), LAYERS.get(0)));
        assertEquals(List.of(LAYERS.get(1), LAYERS.get(0)), reversed.layers());
        assertEquals(spec.withLayers(LAYERS), spec);
    }

    @Test
    void layersReplaceTheirInputsAndKeepEverythingElse() {
        DenseSpec dense =
                new DenseSpec("h", List.of(), 3, Activation.ELU, Init.HE_NORMAL, false, 0.1, 0.2, Positions.NONE);
        DenseSpec rewired = dense.withInputs(List.of("input"));
        assertEquals(List.of("input"), rewired.inputs());
        assertEquals(dense, rewired.withInputs(List.of()));
        assertEquals(
                List.of("a", "b"),
                new ConcatSpec("c", List.of(), Positions.NONE)
                        .withInputs(List.of("a", "b"))
                        .inputs());
        assertEquals("add", new AddSpec("s", List.of("a", "b"), Positions.NONE).kind());
    }
}
