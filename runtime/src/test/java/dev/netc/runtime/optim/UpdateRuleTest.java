package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Each update rule against its formula worked by hand, on values chosen so that a plausible mistake changes the
 * result by far more than float32 rounding: an epsilon of 0.5 tells {@code sqrt(v) + eps} from {@code sqrt(v + eps)},
 * two steps tell a bias correction from none, and powers of two make SGD's arithmetic exact. The PyTorch fixture
 * cannot show these: with {@code eps = 1e-8} the difference is below float32 resolution.
 */
class UpdateRuleTest {

    /** Hand-computed values are in double; the optimizer computes in float32. */
    private static final double FLOAT_ROUNDING = 1e-6;

    @Test
    void sgdStepsAgainstTheGradientExactly() {
        float[] p = {1f, -2f};
        Sgd.builder().learningRate(0.5).build().step(p, new float[] {2f, -4f});
        assertEquals(0f, p[0]);
        assertEquals(0f, p[1]);
    }

    @Test
    void momentumAccumulatesTheGradientUndamped() {
        Optimizer sgd = Sgd.builder().learningRate(0.5).momentum(0.5).build();
        float[] p = {4f};
        sgd.step(p, new float[] {2f}); // b = 2, p = 4 - 0.5 * 2
        assertEquals(3f, p[0]);
        sgd.step(p, new float[] {1f}); // b = 0.5 * 2 + 1 = 2, p = 3 - 0.5 * 2
        assertEquals(2f, p[0]);
    }

    @Test
    void nesterovLooksAheadAlongTheBuffer() {
        Optimizer sgd =
                Sgd.builder().learningRate(0.5).momentum(0.5).nesterov(true).build();
        float[] p = {4f};
        sgd.step(p, new float[] {2f}); // b = 2, p = 4 - 0.5 * (2 + 0.5 * 2)
        assertEquals(2.5f, p[0]);
        sgd.step(p, new float[] {1f}); // b = 0.5 * 2 + 1 = 2, p = 2.5 - 0.5 * (1 + 0.5 * 2)
        assertEquals(1.5f, p[0]);
    }

    @Test
    void rmsPropAddsEpsilonAfterTheRoot() {
        Optimizer rmsProp =
                RmsProp.builder().learningRate(0.1).rho(0.75).epsilon(0.5).build();
        float[] p = {1f};
        rmsProp.step(p, new float[] {2f}); // v = 0.25 * 4 = 1
        assertClose(1 - 0.1 * 2 / (Math.sqrt(1) + 0.5), p[0]);
        rmsProp.step(p, new float[] {-1f}); // v = 0.75 * 1 + 0.25 * 1 = 1
        assertClose(1 - 0.1 * 2 / 1.5 + 0.1 * 1 / 1.5, p[0]);
    }

    @Test
    void rmsPropMomentumAccumulatesTheScaledGradient() {
        Optimizer rmsProp = RmsProp.builder()
                .learningRate(0.1)
                .rho(0.75)
                .epsilon(0.5)
                .momentum(0.5)
                .build();
        float[] p = {1f};
        rmsProp.step(p, new float[] {2f}); // b = 2 / 1.5
        assertClose(1 - 0.1 * (2 / 1.5), p[0]);
        rmsProp.step(p, new float[] {2f}); // v = 0.75 + 0.25 * 4 = 1.75, b = 0.5 * 2 / 1.5 + 2 / (sqrt(1.75) + 0.5)
        double b2 = 0.5 * 2 / 1.5 + 2 / (Math.sqrt(1.75) + 0.5);
        assertClose(1 - 0.1 * (2 / 1.5) - 0.1 * b2, p[0]);
    }

    @Test
    void adamCorrectsBothMomentsForTheirBias() {
        Optimizer adam = Adam.builder()
                .learningRate(0.1)
                .beta1(0.5)
                .beta2(0.75)
                .epsilon(0.5)
                .build();
        float[] p = {1f};
        adam.step(p, new float[] {2f}); // corrected m = 2, corrected v = 4: p = 1 - 0.1 * 2 / (2 + 0.5)
        double expected = 1 - 0.1 * 2 / 2.5;
        assertClose(expected, p[0]);
        adam.step(p, new float[] {1f}); // m = 1, v = 1; bias corrections 1 - 0.5^2 and 1 - 0.75^2
        double m = 0.5 * (0.5 * 2) + 0.5 * 1;
        double v = 0.75 * (0.25 * 4) + 0.25 * 1;
        expected -= 0.1 / (1 - 0.25) * m / (Math.sqrt(v) / Math.sqrt(1 - 0.5625) + 0.5);
        assertClose(expected, p[0]);
    }

    @Test
    void adamAddsWeightDecayToTheGradient() {
        Optimizer adam =
                Adam.builder().learningRate(0.1).epsilon(0.5).weightDecay(0.5).build();
        float[] p = {2f};
        adam.step(p, new float[] {1f}); // g = 1 + 0.5 * 2 = 2: p = 2 - 0.1 * 2 / (2 + 0.5)
        assertClose(2 - 0.1 * 2 / 2.5, p[0]);
    }

    @Test
    void adamWShrinksTheParameterBeforeTheStep() {
        Optimizer adamW =
                AdamW.builder().learningRate(0.1).epsilon(0.5).weightDecay(0.5).build();
        float[] p = {2f};
        adamW.step(p, new float[] {1f}); // p = 2 * (1 - 0.1 * 0.5) - 0.1 * 1 / (1 + 0.5)
        assertClose(2 * 0.95 - 0.1 / 1.5, p[0]);
    }

    @Test
    void aLearningRateSetBetweenStepsTakesEffect() {
        Optimizer sgd = Sgd.builder().learningRate(0.5).build();
        float[] p = {1f};
        sgd.setLearningRate(0.25);
        sgd.step(p, new float[] {2f});
        assertEquals(0.5f, p[0]);
        assertEquals(0.25, sgd.learningRate());
        assertEquals(0.5, sgd.spec().learningRate(), "the base rate a schedule scales");
    }

    private static void assertClose(double expected, float actual) {
        assertEquals(expected, actual, FLOAT_ROUNDING * Math.abs(expected), "hand-computed " + expected);
    }
}
