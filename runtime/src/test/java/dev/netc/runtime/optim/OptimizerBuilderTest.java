package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builders and {@link Optimizer#of}: defaults from {@link OptimizerSpec#defaults}, options, and refusals. */
class OptimizerBuilderTest {

    @Test
    void buildersStartFromTheSpecDefaults() {
        Map<Kind, Optimizer> built = Map.of(
                Kind.SGD, Sgd.builder().build(),
                Kind.RMSPROP, RmsProp.builder().build(),
                Kind.ADAM, Adam.builder().build(),
                Kind.ADAMW, AdamW.builder().build());
        built.forEach((kind, optimizer) -> assertEquals(OptimizerSpec.defaults(kind), optimizer.spec(), kind.name()));
        assertEquals(4, built.size());
    }

    @Test
    void eachSetterSetsItsOption() {
        OptimizerSpec adam = Adam.builder()
                .learningRate(0.5)
                .beta1(0.25)
                .beta2(0.75)
                .epsilon(1e-4)
                .weightDecay(0.125)
                .build()
                .spec();
        assertEquals(new OptimizerSpec(Kind.ADAM, 0.5, 0, 0.25, 0.75, 0, 1e-4, 0.125, adam.positions()), adam);
        OptimizerSpec adamW = AdamW.builder()
                .beta1(0.5)
                .beta2(0.5)
                .epsilon(0.5)
                .weightDecay(0)
                .build()
                .spec();
        assertEquals(
                OptimizerSpec.defaults(Kind.ADAMW)
                        .with("beta1", 0.5)
                        .with("beta2", 0.5)
                        .with("epsilon", 0.5)
                        .with("weight_decay", 0),
                adamW);
        OptimizerSpec rmsProp =
                RmsProp.builder().rho(0.5).epsilon(0.25).momentum(0.125).build().spec();
        assertEquals(
                OptimizerSpec.defaults(Kind.RMSPROP)
                        .with("rho", 0.5)
                        .with("epsilon", 0.25)
                        .with("momentum", 0.125),
                rmsProp);
    }

    @Test
    void sgdTakesItsKindFromMomentumAndNesterov() {
        assertEquals(Kind.SGD, Sgd.builder().build().spec().kind());
        assertEquals(Kind.MOMENTUM, Sgd.builder().momentum(0.9).build().spec().kind());
        assertEquals(
                Kind.NESTEROV,
                Sgd.builder().momentum(0.9).nesterov(true).build().spec().kind());
        assertMessage(
                "momentum of optimizer nesterov must be a finite number in (0, 1), found 0.0",
                () -> Sgd.builder().nesterov(true).build());
    }

    @Test
    void ofBuildsTheClassOfEachKind() {
        assertInstanceOf(Sgd.class, Optimizer.of(OptimizerSpec.defaults(Kind.SGD)));
        assertInstanceOf(Sgd.class, Optimizer.of(OptimizerSpec.defaults(Kind.MOMENTUM)));
        assertInstanceOf(Sgd.class, Optimizer.of(OptimizerSpec.defaults(Kind.NESTEROV)));
        assertInstanceOf(RmsProp.class, Optimizer.of(OptimizerSpec.defaults(Kind.RMSPROP)));
        assertInstanceOf(Adam.class, Optimizer.of(OptimizerSpec.defaults(Kind.ADAM)));
        assertInstanceOf(AdamW.class, Optimizer.of(OptimizerSpec.defaults(Kind.ADAMW)));
    }

    @Test
    void anOptionTheKindDoesNotTakeIsRefused() {
        assertMessage(
                "optimizer adam takes no momentum, found 0.5; its options are learning_rate, beta1, beta2, epsilon,"
                        + " weight_decay",
                () -> Optimizer.of(OptimizerSpec.defaults(Kind.ADAM).with(OptimizerSpec.MOMENTUM, 0.5)));
    }

    @Test
    void anOutOfRangeOptionIsRefused() {
        assertMessage(
                "learning_rate of optimizer adam must be a finite positive number, found 0.0",
                () -> Adam.builder().learningRate(0).build());
        assertMessage(
                "beta2 of optimizer adamw must be a finite number in [0, 1), found 1.0",
                () -> AdamW.builder().beta2(1).build());
    }

    @Test
    void theLearningRateMayBeSetToZeroButNotBelow() {
        Optimizer sgd = Sgd.builder().build();
        sgd.setLearningRate(0);
        assertEquals(0, sgd.learningRate());
        assertMessage("learning rate must be a finite number >= 0, found -0.1", () -> sgd.setLearningRate(-0.1));
        assertMessage("learning rate must be a finite number >= 0, found NaN", () -> sgd.setLearningRate(Double.NaN));
    }

    private static void assertMessage(String expected, Runnable call) {
        assertEquals(
                expected,
                assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}
