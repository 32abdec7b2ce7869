package dev.netc.check;

import static dev.netc.check.TestNet.denseSpec;
import static dev.netc.check.TestNet.input;
import static dev.netc.check.TestNet.layer;
import static dev.netc.check.TestNet.network;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Activation;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {

    @Test
    void sumsConcatSizesAndKeepsTheSharedAddSize() {
        CheckedNetwork checked = input(4).dense("left", 8, Activation.RELU)
                .dense("right", 6, Activation.TANH)
                .concat("both", "left", "right", "input")
                .dense("wide", 18, Activation.RELU, "both")
                .add("sum", "wide", "both")
                .dense("out", 2, Activation.LINEAR, "sum")
                .validate()
                .clean();
        assertEquals(4, checked.sizeOf("input"));
        assertEquals(18, checked.sizeOf("both"));
        assertEquals(18, checked.sizeOf("sum"));
        assertEquals(2, checked.sizeOf("out"));
        assertEquals(18, checked.inputSize(checked.layerNamed("out")));
    }

    @Test
    void namesEveryInputAndSizeOfAMismatchedAddAndNothingDownstream() {
        input(4).dense("a", 8, Activation.RELU)
                .dense("b", 4, Activation.RELU)
                .add("sum", "a", "b", "input")
                .concat("both", "sum", "a")
                .add("again", "both", "sum")
                .dense("out", 2, Activation.LINEAR, "again")
                .validate()
                .single(
                        DiagnosticCode.ADD_SIZE_MISMATCH,
                        layer(2, LayerSpec.INPUTS),
                        "add 'sum' needs inputs of one size, found 'a' of size 8, 'b' of size 4, 'input' of size 4");
    }

    @Test
    void acceptsExactlyTheParameterLimit() {
        // 65,536 inputs x 4,096 units, no bias: 2^28 weights.
        CheckedNetwork checked = input(65_536)
                .layer(denseSpec("out", 4_096, Activation.LINEAR, false, 0, 0))
                .validate()
                .clean();
        assertEquals(1L << 28, checked.layout().count());
    }

    @Test
    void rejectsTheLimitPlusBiases() {
        input(65_536)
                .layer(denseSpec("out", 4_096, Activation.LINEAR, true, 0, 0))
                .validate()
                .single(
                        DiagnosticCode.TOO_MANY_PARAMETERS,
                        network(NetworkSpec.LAYERS),
                        "network has 268439552 parameters; the limit is 268435456");
    }

    @Test
    void rejectsAConcatTooWideForAnyLayerToReadIt() {
        // Each concat joins the previous two, so sizes grow like Fibonacci numbers: c17 is the first over 2^28.
        TestNet net = input(65_536).dense("d", 65_536, Activation.RELU).concat("c1", "input", "d");
        net.concat("c2", "c1", "d");
        for (int i = 3; i <= 19; i++) {
            net.concat("c" + i, "c" + (i - 1), "c" + (i - 2));
        }
        net.dense("out", 1, Activation.LINEAR, "c19")
                .validate()
                .single(
                        DiagnosticCode.SIZE_OUT_OF_RANGE,
                        layer(17, LayerSpec.INPUTS),
                        "output size of concat 'c17' must be between 1 and 268435456, found 274006016");
    }
}
