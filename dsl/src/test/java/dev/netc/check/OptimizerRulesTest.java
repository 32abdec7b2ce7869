package dev.netc.check;

import static dev.netc.check.TestNet.input;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Activation;
import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.diag.DiagnosticCode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OptimizerRulesTest {

    private static final AtomicInteger KINDS = new AtomicInteger();
    private static final AtomicInteger BAD_OPTIONS = new AtomicInteger();
    private static final AtomicInteger GOOD_OPTIONS = new AtomicInteger();

    @AfterAll
    static void everyCaseRan() {
        assertEquals(Kind.values().length, KINDS.get());
        assertEquals(17, BAD_OPTIONS.get());
        assertEquals(7, GOOD_OPTIONS.get());
    }

    private static TestNet netWith(OptimizerSpec optimizer) {
        return input(2).dense("out", 1, Activation.LINEAR).optimizer(optimizer);
    }

    /** Defaults pass, although options a kind does not take are 0 (for example SGD's epsilon). */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void acceptsEveryKindsDefaults(Kind kind) {
        KINDS.incrementAndGet();
        netWith(OptimizerSpec.defaults(kind)).validate().clean();
    }

    @ParameterizedTest
    @CsvSource({
        "SGD, learning_rate, -0.1, a finite positive number",
        "SGD, learning_rate, 0, a finite positive number",
        "ADAM, learning_rate, NaN, a finite positive number",
        "ADAM, learning_rate, Infinity, a finite positive number",
        "SGD, weight_decay, -1, a finite number >= 0",
        "ADAMW, weight_decay, Infinity, a finite number >= 0",
        "MOMENTUM, momentum, 1, 'a finite number in [0, 1)'",
        "MOMENTUM, momentum, -0.5, 'a finite number in [0, 1)'",
        "NESTEROV, momentum, 0, 'a finite number in (0, 1)'",
        "RMSPROP, momentum, 1, 'a finite number in [0, 1)'",
        "RMSPROP, rho, 1, 'a finite number in [0, 1)'",
        "RMSPROP, epsilon, 0, a finite positive number",
        "ADAM, beta1, 1, 'a finite number in [0, 1)'",
        "ADAM, beta2, 1.5, 'a finite number in [0, 1)'",
        "ADAMW, beta2, -0.1, 'a finite number in [0, 1)'",
        "ADAMW, epsilon, -1e-8, a finite positive number",
        "ADAM, epsilon, NaN, a finite positive number",
    })
    void rejectsAnOptionOutOfRange(Kind kind, String option, double value, String expected) {
        BAD_OPTIONS.incrementAndGet();
        netWith(OptimizerSpec.defaults(kind).with(option, value))
                .validate()
                .single(
                        DiagnosticCode.VALUE_OUT_OF_RANGE,
                        TestNet.optimizer(option),
                        option + " of optimizer " + kind.yamlName() + " must be " + expected + ", found " + value);
    }

    @ParameterizedTest
    @CsvSource({
        "SGD, learning_rate, 10",
        "MOMENTUM, momentum, 0",
        "NESTEROV, momentum, 0.999",
        "RMSPROP, rho, 0",
        "ADAM, beta1, 0",
        "ADAMW, weight_decay, 0",
        "ADAM, epsilon, 1e-300",
    })
    void acceptsValuesAtTheEdgeOfEachRange(Kind kind, String option, double value) {
        GOOD_OPTIONS.incrementAndGet();
        netWith(OptimizerSpec.defaults(kind).with(option, value)).validate().clean();
    }
}
