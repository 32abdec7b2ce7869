package dev.netc.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Activation;
import dev.netc.Loss;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link ReferenceNetwork} against PyTorch 1.13 on every case of {@code fixtures/forward_backward.json}: the output,
 * the loss and every parameter gradient, within {@link Tolerance#PYTORCH}. The test counts the cases it compared and
 * the activations and losses they covered, so a shrunken or empty fixture fails instead of passing.
 */
class PyTorchAgreementTest {

    /** The number of cases in the fixture; update it with the fixture. */
    private static final int EXPECTED_CASES = 13;

    @Test
    void everyCaseAgreesWithPyTorch() {
        List<Executable> checks = new ArrayList<>();
        Set<Activation> activations = EnumSet.noneOf(Activation.class);
        Set<Loss> losses = EnumSet.noneOf(Loss.class);
        int compared = 0;
        for (PyTorchCase fixture : PyTorchCase.load()) {
            ReferenceNetwork network = new ReferenceNetwork(fixture.network(), fixture.parameters());
            String name = fixture.name();
            checks.add(() -> Tolerance.PYTORCH.assertAllClose(
                    name + " output", fixture.output(), network.forward(fixture.input())));
            checks.add(() -> Tolerance.PYTORCH.assertClose(
                    name + " loss", fixture.lossValue(), network.loss(fixture.input(), fixture.target())));
            checks.add(() -> Tolerance.PYTORCH.assertAllClose(
                    name + " gradient",
                    fixture.gradient(),
                    network.backward(fixture.input(), fixture.target()),
                    i -> ParameterLabels.of(fixture.network().layout(), i)));
            activations.addAll(fixture.activations());
            losses.add(fixture.loss());
            compared++;
        }
        int comparedCases = compared;
        checks.add(() -> assertEquals(EXPECTED_CASES, comparedCases, "cases compared"));
        checks.add(() -> assertEquals(EnumSet.allOf(Activation.class), activations, "activations covered"));
        checks.add(() -> assertEquals(EnumSet.allOf(Loss.class), losses, "losses covered"));
        assertAll(checks);
    }
}
