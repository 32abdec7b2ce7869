package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Weight decay by its definition, bit for bit, for every kind (the PyTorch fixture has decay cases only for SGD, Adam
 * and AdamW): as an L2 penalty, decay {@code w} on gradient {@code g} is the same step as no decay on {@code g + w *
 * p}; AdamW's decoupled decay is Adam without decay on parameters first multiplied by {@code 1 - lr * w}. The
 * gradients passed in are never modified.
 */
class WeightDecayTest {

    private static final double DECAY = 0.25;
    private static final double RATE = 0.1;
    private static final int STEPS = 20;
    private static final int PARAMETERS = 50;

    @Test
    void l2DecayIsAddedToTheGradient() {
        Set<Kind> l2Kinds = EnumSet.complementOf(EnumSet.of(Kind.ADAMW));
        int tested = 0;
        for (Kind kind : l2Kinds) {
            Optimizer decayed = Optimizer.of(Optimizers.withDecay(kind, DECAY));
            Optimizer plain = Optimizer.of(Optimizers.withDecay(kind, 0));
            float[] p = Optimizers.values(PARAMETERS, 1);
            float[] q = p.clone();
            for (int step = 0; step < STEPS; step++) {
                float[] g = Optimizers.values(PARAMETERS, 100 + step);
                float[] untouched = g.clone();
                float[] withPenalty = new float[PARAMETERS];
                for (int i = 0; i < PARAMETERS; i++) {
                    withPenalty[i] = g[i] + (float) DECAY * q[i];
                }
                decayed.step(p, g);
                plain.step(q, withPenalty);
                assertArrayEquals(untouched, g, kind.yamlName() + ": gradients are not modified");
                assertArrayEquals(q, p, kind.yamlName() + " after step " + (step + 1));
            }
            tested++;
        }
        assertEquals(5, tested, "kinds with an L2 decay");
    }

    @Test
    void adamWDecayShrinksTheParametersBeforeAnAdamStep() {
        Optimizer adamW = Optimizer.of(rate(Optimizers.withDecay(Kind.ADAMW, DECAY)));
        Optimizer adam = Optimizer.of(rate(Optimizers.withDecay(Kind.ADAM, 0)));
        float shrink = (float) (1 - RATE * DECAY);
        float[] p = Optimizers.values(PARAMETERS, 2);
        float[] q = p.clone();
        for (int step = 0; step < STEPS; step++) {
            float[] g = Optimizers.values(PARAMETERS, 200 + step);
            float[] untouched = g.clone();
            for (int i = 0; i < PARAMETERS; i++) {
                q[i] *= shrink;
            }
            adamW.step(p, g);
            adam.step(q, g);
            assertArrayEquals(untouched, g, "gradients are not modified");
            assertArrayEquals(q, p, "adamw after step " + (step + 1));
        }
    }

    @Test
    void adamWWithoutDecayIsAdam() {
        Optimizer adamW = Optimizer.of(Optimizers.withDecay(Kind.ADAMW, 0));
        Optimizer adam = Optimizer.of(Optimizers.withDecay(Kind.ADAM, 0));
        float[] p = Optimizers.values(PARAMETERS, 3);
        float[] q = p.clone();
        for (int step = 0; step < STEPS; step++) {
            float[] g = Optimizers.values(PARAMETERS, 300 + step);
            adamW.step(p, g);
            adam.step(q, g);
        }
        assertArrayEquals(q, p);
    }

    private static OptimizerSpec rate(OptimizerSpec spec) {
        return spec.with(OptimizerSpec.LEARNING_RATE, RATE);
    }
}
