package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checkpointing: an optimizer restored from the plain values of its state (as a checkpoint file holds them) continues
 * bit for bit as the original does, for every kind; and states that do not fit are refused, naming the mismatch.
 */
class OptimizerStateTest {

    private static final int PARAMETERS = 40;
    private static final int BEFORE = 7;
    private static final int AFTER = 8;

    @Test
    void aRestoredOptimizerContinuesBitForBit() {
        int compared = 0;
        for (OptimizerSpec spec : Optimizers.everyKind()) {
            Optimizer original = Optimizer.of(spec);
            float[] parameters = Optimizers.values(PARAMETERS, 1);
            run(original, parameters, 0, BEFORE);
            original.setLearningRate(spec.learningRate() / 3); // as a schedule would have
            OptimizerState saved = original.state();
            float[] savedParameters = parameters.clone();
            run(original, parameters, BEFORE, AFTER);

            Optimizer resumed = Optimizer.of(spec);
            resumed.restore(throughPlainValues(saved));
            run(resumed, savedParameters, BEFORE, AFTER);

            String kind = spec.kind().yamlName();
            assertArrayEquals(parameters, savedParameters, kind + ": parameters after resuming");
            assertEquals(original.state(), resumed.state(), kind + ": state after resuming");
            assertEquals(BEFORE + AFTER, resumed.state().steps(), kind + ": steps");
            compared++;
        }
        assertEquals(Optimizers.everyKind().size(), compared, "kinds resumed");
    }

    @Test
    void theStateNamesPyTorchsBuffers() {
        Map<Kind, List<String>> expected = Map.of(
                Kind.SGD, List.of(),
                Kind.MOMENTUM, List.of("momentum_buffer"),
                Kind.NESTEROV, List.of("momentum_buffer"),
                Kind.RMSPROP, List.of("momentum_buffer", "square_avg"),
                Kind.ADAM, List.of("exp_avg", "exp_avg_sq"),
                Kind.ADAMW, List.of("exp_avg", "exp_avg_sq"));
        for (OptimizerSpec spec : Optimizers.everyKind()) {
            Optimizer optimizer = Optimizer.of(spec);
            assertEquals(
                    expected.get(spec.kind()),
                    optimizer.state().bufferNames(),
                    spec.kind().yamlName());
        }
        assertEquals(List.of("square_avg"), RmsProp.builder().build().state().bufferNames(), "without momentum");
    }

    @Test
    void aFreshStateHasEmptyBuffersAndTheSpecsRate() {
        OptimizerState state = Adam.builder().learningRate(0.01).build().state();
        assertEquals(0, state.steps());
        assertEquals(0.01, state.learningRate());
        assertEquals(0, state.buffer("exp_avg").length);
        assertEquals(
                "adam state after 0 steps, learning rate 0.01, buffers [exp_avg[0], exp_avg_sq[0]]", state.toString());
    }

    @Test
    void aStateIsACopy() {
        Optimizer sgd = Sgd.builder().momentum(0.9).build();
        float[] parameters = {1f, 2f};
        sgd.step(parameters, new float[] {1f, 1f});
        OptimizerState state = sgd.state();
        state.buffer("momentum_buffer")[0] = 42f;
        sgd.step(parameters, new float[] {1f, 1f});
        assertArrayEquals(new float[] {1f, 1f}, state.buffer("momentum_buffer"));
        assertNotEquals(state, sgd.state());
    }

    @Test
    void aStateOfAnotherKindIsRefused() {
        OptimizerState adamState = Adam.builder().build().state();
        assertMessage(
                "optimizer state is for adam, this optimizer is adamw",
                () -> AdamW.builder().build().restore(adamState));
    }

    @Test
    void aStateWithOtherBuffersIsRefused() {
        OptimizerState withMomentum = RmsProp.builder().momentum(0.5).build().state();
        assertMessage(
                "rmsprop optimizer state has buffers [momentum_buffer, square_avg], this optimizer keeps [square_avg]",
                () -> RmsProp.builder().build().restore(withMomentum));
    }

    @Test
    void anotherParameterCountIsRefusedOnceStepping() {
        Optimizer adam = Adam.builder().build();
        adam.step(new float[3], new float[3]);
        assertMessage(
                "parameters: expected 3 values, as in the 1 steps before, found 4",
                () -> adam.step(new float[4], new float[4]));
        Optimizer restored = Adam.builder().build();
        restored.restore(adam.state());
        assertMessage(
                "parameters: expected 3 values, as in the 1 steps before, found 5",
                () -> restored.step(new float[5], new float[5]));
    }

    @Test
    void gradientsOfAnotherLengthAreRefused() {
        assertMessage(
                "gradients: expected 2 values (one per parameter), found 3",
                () -> Sgd.builder().build().step(new float[2], new float[3]));
    }

    @Test
    void aStateIsChecked() {
        Map<String, float[]> ragged = new LinkedHashMap<>();
        ragged.put("exp_avg", new float[2]);
        ragged.put("exp_avg_sq", new float[3]);
        assertMessage(
                "buffers must have one length, found [exp_avg[2], exp_avg_sq[3]]",
                () -> new OptimizerState(Kind.ADAM, 1, 0.1, ragged));
        assertMessage("steps must be >= 0, found -1", () -> new OptimizerState(Kind.SGD, -1, 0.1, Map.of()));
        assertMessage(
                "learning rate must be a finite number >= 0, found Infinity",
                () -> new OptimizerState(Kind.SGD, 0, Double.POSITIVE_INFINITY, Map.of()));
        OptimizerState state = new OptimizerState(Kind.SGD, 0, 0.1, Map.of());
        assertMessage("sgd state has no buffer exp_avg; it has []", () -> state.buffer("exp_avg"));
    }

    /** What a checkpoint writes and reads back: the kind, the counters and each buffer as a plain array. */
    private static OptimizerState throughPlainValues(OptimizerState state) {
        Map<String, float[]> buffers = new LinkedHashMap<>();
        for (String name : state.bufferNames()) {
            buffers.put(name, state.buffer(name));
        }
        OptimizerState copy = new OptimizerState(state.kind(), state.steps(), state.learningRate(), buffers);
        assertEquals(state, copy);
        assertEquals(state.hashCode(), copy.hashCode());
        return copy;
    }

    private static void run(Optimizer optimizer, float[] parameters, int first, int steps) {
        for (int step = first; step < first + steps; step++) {
            optimizer.step(parameters, Optimizers.values(PARAMETERS, 1000 + step));
        }
    }

    private static void assertMessage(String expected, Runnable call) {
        assertEquals(
                expected,
                assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}
