package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Loss;
import dev.netc.Optimizer.Kind;
import dev.netc.check.SpecValidator;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.Positions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The runtime's ranges are the spec validator's: for every option of every kind and a set of values on and around
 * each bound, an optimizer built in code is refused exactly when a spec stating the same optimizer is, with the same
 * message. So neither can drift from the other unnoticed.
 */
class HyperparametersTest {

    private static final double[] VALUES = {
        -1, -0.0, 0, Double.MIN_VALUE, 0.5, Math.nextDown(1.0), 1, 2, Double.NaN, Double.POSITIVE_INFINITY
    };

    @Test
    void codeAndSpecsAcceptTheSameValues() {
        List<Executable> checks = new ArrayList<>();
        int compared = 0;
        int expected = 0;
        for (Kind kind : Kind.values()) {
            for (String option : OptimizerSpec.options(kind)) {
                for (double value : VALUES) {
                    OptimizerSpec spec = OptimizerSpec.defaults(kind).with(option, value);
                    String what = kind.yamlName() + " " + option + " " + value;
                    Optional<String> fromSpec = validatorMessage(spec);
                    Optional<String> fromCode = runtimeMessage(spec);
                    checks.add(() -> assertEquals(fromSpec, fromCode, what));
                    compared++;
                }
                expected += VALUES.length;
            }
        }
        int comparedValues = compared;
        int expectedValues = expected;
        checks.add(() -> assertEquals(expectedValues, comparedValues, "values compared"));
        checks.add(() -> assertTrue(comparedValues >= 6 * 2 * VALUES.length, "every kind has options"));
        assertAll(checks);
    }

    @Test
    void theDefaultsAreInRange() {
        for (Kind kind : Kind.values()) {
            assertEquals(Optional.empty(), validatorMessage(OptimizerSpec.defaults(kind)), kind.yamlName());
            assertEquals(Optional.empty(), runtimeMessage(OptimizerSpec.defaults(kind)), kind.yamlName());
        }
    }

    private static Optional<String> runtimeMessage(OptimizerSpec spec) {
        try {
            Optimizer.of(spec);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The validator's message about {@code spec} as the optimizer of an otherwise valid one-layer network. */
    private static Optional<String> validatorMessage(OptimizerSpec spec) {
        DenseSpec dense = new DenseSpec(
                "dense1", List.of(), 1, Activation.LINEAR, Init.GLOROT_UNIFORM, true, 0, 0, Positions.NONE);
        NetworkSpec network = new NetworkSpec(
                "Net",
                "com.example",
                InputSpec.of(2),
                List.of(dense),
                Loss.MEAN_SQUARED_ERROR,
                Optional.of(spec),
                List.of(),
                Positions.NONE);
        Diagnostics diagnostics = new Diagnostics();
        SpecValidator.validate(network, diagnostics);
        List<Diagnostic> all = diagnostics.all();
        assertTrue(all.size() <= 1, () -> "at most one diagnostic, found " + all);
        return all.stream().map(Diagnostic::message).findFirst();
    }
}
