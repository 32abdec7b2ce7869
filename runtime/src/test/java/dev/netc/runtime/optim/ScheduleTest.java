package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import org.junit.jupiter.api.Test;

/**
 * Each schedule against {@code torch.optim.lr_scheduler}: values worked by hand from the documented closed forms, and
 * the closed forms against the recursive updates PyTorch's {@code get_lr()} applies at each {@code scheduler.step()},
 * over several periods.
 */
class ScheduleTest {

    private static final double BASE = 0.1;
    private static final double EXACT = 1e-15;
    /** The recursive forms multiply rounding errors from step to step. */
    private static final double RECURSIVE = 1e-12;

    private static final int EPOCHS = 60;

    @Test
    void constantKeepsTheBaseRate() {
        assertEquals(BASE, Schedule.constant().learningRate(1000, BASE));
    }

    @Test
    void stepDecaysEveryStepSizeEpochs() {
        Schedule schedule = Schedule.step(3, 0.5);
        double[] expected = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025};
        for (int epoch = 0; epoch < expected.length; epoch++) {
            assertEquals(expected[epoch], schedule.learningRate(epoch, BASE), EXACT, "epoch " + epoch);
        }
    }

    @Test
    void stepMatchesPyTorchsRecursion() {
        Schedule schedule = Schedule.step(7, 0.3);
        double lr = BASE;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            if (epoch != 0 && epoch % 7 == 0) {
                lr *= 0.3; // StepLR.get_lr
            }
            assertEquals(lr, schedule.learningRate(epoch, BASE), RECURSIVE * lr, "epoch " + epoch);
        }
    }

    @Test
    void exponentialDecaysEveryEpoch() {
        assertEquals(0.1 * 0.9 * 0.9 * 0.9, Schedule.exponential(0.9).learningRate(3, BASE), EXACT);
        double lr = BASE;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            assertEquals(lr, Schedule.exponential(0.95).learningRate(epoch, BASE), RECURSIVE * lr, "epoch " + epoch);
            lr *= 0.95; // ExponentialLR.get_lr
        }
    }

    @Test
    void cosineFallsToTheMinimumAndRisesAgain() {
        Schedule schedule = Schedule.cosine(10, 0.001);
        assertEquals(0.1, schedule.learningRate(0, BASE), EXACT);
        assertEquals(0.001 + 0.099 / 2, schedule.learningRate(5, BASE), EXACT);
        assertEquals(0.001, schedule.learningRate(10, BASE), EXACT);
        assertEquals(0.001 + 0.099 / 2, schedule.learningRate(15, BASE), EXACT);
        assertEquals(0.1, schedule.learningRate(20, BASE), EXACT);
    }

    @Test
    void cosineMatchesPyTorchsRecursion() {
        int period = 8;
        double min = 0.002;
        Schedule schedule = Schedule.cosine(period, min);
        double lr = BASE;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            if (epoch > 0) { // CosineAnnealingLR.get_lr, PyTorch 1.13
                if (Math.floorMod(epoch - 1 - period, 2 * period) == 0) {
                    lr += (BASE - min) * (1 - Math.cos(Math.PI / period)) / 2;
                } else {
                    lr = (1 + Math.cos(Math.PI * epoch / period))
                                    / (1 + Math.cos(Math.PI * (epoch - 1) / period))
                                    * (lr - min)
                            + min;
                }
            }
            assertEquals(lr, schedule.learningRate(epoch, BASE), RECURSIVE, "epoch " + epoch);
        }
    }

    @Test
    void aLambdaIsTheCallbackForm() {
        Schedule warmUp = (epoch, base) -> base * Math.min(1.0, (epoch + 1) / 4.0); // LambdaLR with a factor
        Optimizer sgd = Sgd.builder().learningRate(BASE).build();
        warmUp.apply(sgd, 0);
        assertEquals(BASE / 4, sgd.learningRate(), EXACT);
        warmUp.apply(sgd, 9);
        assertEquals(BASE, sgd.learningRate(), EXACT);
    }

    @Test
    void applyScalesTheConfiguredRateNotTheCurrentOne() {
        Optimizer adam = Optimizer.of(OptimizerSpec.defaults(Kind.ADAM));
        Schedule halving = Schedule.exponential(0.5);
        halving.apply(adam, 2);
        halving.apply(adam, 2);
        assertEquals(1e-3 / 4, adam.learningRate(), EXACT);
    }

    @Test
    void badArgumentsAreRefused() {
        assertMessage("step size must be at least 1 epoch, found 0", () -> Schedule.step(0, 0.5));
        assertMessage("gamma must be a finite positive number, found 0.0", () -> Schedule.step(1, 0));
        assertMessage("gamma must be a finite positive number, found NaN", () -> Schedule.exponential(Double.NaN));
        assertMessage("cosine schedule needs at least 1 epoch, found 0", () -> Schedule.cosine(0, 0));
        assertMessage("minimum rate must be a finite number >= 0, found -1.0", () -> Schedule.cosine(5, -1));
        Optimizer sgd = Sgd.builder().build();
        assertMessage("epoch must be >= 0, found -1", () -> Schedule.constant().apply(sgd, -1));
        Schedule broken = (epoch, base) -> Double.NaN;
        assertMessage("learning rate must be a finite number >= 0, found NaN", () -> broken.apply(sgd, 0));
    }

    private static void assertMessage(String expected, Runnable call) {
        assertEquals(
                expected,
                assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}
