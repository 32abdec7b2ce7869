package dev.netc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OptimizerSpecTest {

    private static final AtomicInteger KINDS = new AtomicInteger();

    @AfterAll
    static void everyKindRan() {
        assertEquals(Kind.values().length, KINDS.get());
    }

    /** torch.optim's defaults (SGD's learning rate is Keras' 0.01; PyTorch has none). */
    @Test
    void defaultsAreTorchOptimsDefaults() {
        assertEquals(
                new OptimizerSpec(Kind.ADAM, 1e-3, 0, 0.9, 0.999, 0, 1e-8, 0, Positions.NONE),
                OptimizerSpec.defaults(Kind.ADAM));
        assertEquals(0.01, OptimizerSpec.defaults(Kind.ADAMW).weightDecay());
        assertEquals(0.99, OptimizerSpec.defaults(Kind.RMSPROP).rho());
        assertEquals(0.01, OptimizerSpec.defaults(Kind.SGD).learningRate());
        assertEquals(0.9, OptimizerSpec.defaults(Kind.NESTEROV).momentum());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void setsAndReadsBackEveryOptionOfEachKind(Kind kind) {
        KINDS.incrementAndGet();
        List<String> options = OptimizerSpec.options(kind);
        assertEquals(OptimizerSpec.LEARNING_RATE, options.get(0));
        OptimizerSpec spec = OptimizerSpec.defaults(kind);
        for (int i = 0; i < options.size(); i++) {
            spec = spec.with(options.get(i), 0.125 * (i + 1));
        }
        for (int i = 0; i < options.size(); i++) {
            assertEquals(0.125 * (i + 1), spec.get(options.get(i)), options.get(i));
        }
        assertEquals(kind, spec.kind());
    }

    @Test
    void rejectsAnUnknownOptionName() {
        assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.defaults(Kind.SGD)
                .get("lr"));
    }
}
