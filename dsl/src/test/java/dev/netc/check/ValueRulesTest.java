package dev.netc.check;

import static dev.netc.check.TestNet.denseSpec;
import static dev.netc.check.TestNet.input;
import static dev.netc.check.TestNet.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Activation;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.diag.DiagnosticCode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueRulesTest {

    private static final AtomicInteger BAD_L2 = new AtomicInteger();
    private static final AtomicInteger BAD_DROPOUT = new AtomicInteger();

    @AfterAll
    static void everyCaseRan() {
        assertEquals(4, BAD_L2.get());
        assertEquals(5, BAD_DROPOUT.get());
    }

    private static TestNet netWith(double l2, double dropout) {
        return input(4).layer(denseSpec("hidden", 8, Activation.RELU, true, l2, dropout))
                .dense("out", 1, Activation.LINEAR);
    }

    @Test
    void acceptsTheBoundsOfEachRange() {
        netWith(0, 0).validate().clean();
        netWith(1e6, 0.999).validate().clean();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsAnL2PenaltyBelowZeroOrNotFinite(double l2) {
        BAD_L2.incrementAndGet();
        netWith(l2, 0)
                .validate()
                .single(
                        DiagnosticCode.VALUE_OUT_OF_RANGE,
                        layer(0, DenseSpec.L2),
                        "l2 of dense 'hidden' must be a finite number >= 0, found " + l2);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.5, -0.1, Double.NaN, Double.NEGATIVE_INFINITY})
    void rejectsADropoutRateOutsideZeroToOne(double dropout) {
        BAD_DROPOUT.incrementAndGet();
        netWith(0, dropout)
                .validate()
                .single(
                        DiagnosticCode.VALUE_OUT_OF_RANGE,
                        layer(0, DenseSpec.DROPOUT),
                        "dropout of dense 'hidden' must be a finite number in [0, 1), found " + dropout);
    }
}
