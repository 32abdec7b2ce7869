package dev.netc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checked network as the validator builds it: layers in evaluation order, inputs explicit, sizes known. */
class CheckedNetworkTest {

    private static final CheckedNetwork NETWORK = new CheckedNetwork(
            new NetworkSpec(
                    "GraphNet",
                    "com.example",
                    InputSpec.of(3),
                    List.of(
                            DenseSpec.of("a", 4, Activation.RELU).withInputs(List.of("input")),
                            noBias("b", 4).withInputs(List.of("input")),
                            new ConcatSpec("both", List.of("a", "b"), Positions.NONE),
                            new AddSpec("sum", List.of("a", "b"), Positions.NONE),
                            DenseSpec.of("out", 2, Activation.SOFTMAX).withInputs(List.of("both"))),
                    Loss.CATEGORICAL_CROSSENTROPY,
                    Optional.empty(),
                    List.of(),
                    Positions.NONE),
            Map.of("input", 3, "a", 4, "b", 4, "both", 8, "sum", 4, "out", 2));

    private static DenseSpec noBias(String name, int units) {
        return new DenseSpec(name, List.of(), units, Activation.TANH, Init.ZEROS, false, 0, 0, Positions.NONE);
    }

    @Test
    void laysOutEachDenseLayersWeightsThenBiasInOrder() {
        ParameterLayout layout = NETWORK.layout();
        assertEquals(
                List.of(
                        new ParameterLayout.Entry("a", 3, 4, 0, 12),
                        new ParameterLayout.Entry("b", 3, 4, 16, -1),
                        new ParameterLayout.Entry("out", 8, 2, 28, 44)),
                layout.layers());
        assertEquals(46, layout.count());
        assertEquals(12, layout.of("b").count());
        assertEquals(18, layout.of("out").count());
        assertEquals(16, layout.of("out").weightCount());
        assertThrows(IllegalArgumentException.class, () -> layout.of("both"));
    }

    @Test
    void answersSizesOfLayersAndTheirInputs() {
        assertEquals(3, NETWORK.inputSize());
        assertEquals(2, NETWORK.outputSize());
        assertEquals(Activation.SOFTMAX, NETWORK.outputActivation());
        assertEquals(8, NETWORK.inputSize(NETWORK.layerNamed("out")));
        assertEquals(8, NETWORK.inputSize(NETWORK.layerNamed("both")));
        assertEquals(4, NETWORK.inputSize(NETWORK.layerNamed("sum")));
        assertEquals(3, NETWORK.sizeOf(InputSpec.NAME));
        assertThrows(IllegalArgumentException.class, () -> NETWORK.sizeOf("missing"));
        assertThrows(IllegalArgumentException.class, () -> NETWORK.layerNamed("missing"));
    }
}
