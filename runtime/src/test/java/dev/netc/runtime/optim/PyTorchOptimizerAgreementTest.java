package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Optimizer.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every optimizer against PyTorch 1.13 on every case of {@code fixtures/optimizers.json}: float32 parameters after
 * each of ten steps against PyTorch's float64 ones, to {@value #RELATIVE} relative with an absolute floor of
 * {@value #ABSOLUTE}. The floor is one float32 rounding at unit scale: a parameter that has been near 1 and moves
 * toward 0 keeps the absolute rounding error of its float past (measured: at most 1.0e-8, on a value of -0.002,
 * RMSProp), which no relative bound covers. Measured worst relative error elsewhere: 5.3e-7, AdamW, whose decay factor {@code 1 - lr *
 * weight_decay} is a float32 as in PyTorch. The test counts the cases, steps and values it compared and the kinds it
 * covered, so a shrunken fixture fails instead of passing.
 */
class PyTorchOptimizerAgreementTest {

    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-7;

    /** The number of cases in the fixture; update it with the fixture. */
    private static final int EXPECTED_CASES = 9;

    private static final int STEPS_PER_CASE = 10;

    @Test
    void everyStepOfEveryCaseAgreesWithPyTorch() {
        List<Executable> checks = new ArrayList<>();
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        Set<Kind> withDecay = EnumSet.noneOf(Kind.class);
        Set<Kind> withoutDecay = EnumSet.noneOf(Kind.class);
        int cases = 0;
        int steps = 0;
        int values = 0;
        for (OptimizerCase fixture : OptimizerCase.load()) {
            Optimizer optimizer = Optimizer.of(fixture.spec());
            float[] parameters = toFloats(fixture.initial());
            for (int step = 0; step < fixture.gradients().length; step++) {
                optimizer.step(parameters, toFloats(fixture.gradients()[step]));
                for (int i = 0; i < parameters.length; i++) {
                    String what = String.format(Locale.ROOT, "%s, step %d, parameter %d", fixture, step + 1, i);
                    double expected = fixture.expected()[step][i];
                    double actual = parameters[i];
                    checks.add(() -> assertClose(what, expected, actual));
                    values++;
                }
                steps++;
            }
            kinds.add(fixture.spec().kind());
            (fixture.spec().weightDecay() != 0 ? withDecay : withoutDecay)
                    .add(fixture.spec().kind());
            cases++;
        }
        int comparedCases = cases;
        int comparedSteps = steps;
        int comparedValues = values;
        checks.add(() -> assertEquals(EXPECTED_CASES, comparedCases, "cases compared"));
        checks.add(() -> assertEquals(EXPECTED_CASES * STEPS_PER_CASE, comparedSteps, "steps compared"));
        checks.add(() -> assertEquals(EXPECTED_CASES * STEPS_PER_CASE * 6, comparedValues, "values compared"));
        checks.add(() -> assertEquals(EnumSet.allOf(Kind.class), kinds, "kinds covered"));
        checks.add(() -> assertEquals(EnumSet.of(Kind.SGD, Kind.ADAM, Kind.ADAMW), withDecay, "kinds with decay"));
        checks.add(
                () -> assertEquals(EnumSet.complementOf(EnumSet.of(Kind.ADAMW)), withoutDecay, "kinds without decay"));
        assertAll(checks);
    }

    private static void assertClose(String what, double expected, double actual) {
        double difference = Math.abs(actual - expected);
        assertTrue(
                difference <= Math.max(ABSOLUTE, RELATIVE * Math.abs(expected)),
                () -> String.format(
                        Locale.ROOT,
                        "%s: expected %.17g (PyTorch), found %.9g; difference %.3g exceeds %.0e relative, %.0e absolute",
                        what,
                        expected,
                        actual,
                        difference,
                        RELATIVE,
                        ABSOLUTE));
    }

    static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
