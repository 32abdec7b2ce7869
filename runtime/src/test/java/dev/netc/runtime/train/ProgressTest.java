package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.optim.Sgd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines for logs, the console bar, and the automatic choice between them. */
class ProgressTest {

    @Test
    void linesReportEachEpochWithItsTimeAndTheTimeLeft() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] ticks = {0, 0, 1_500_000_000L, 1_500_000_000L, 3_000_000_000L, 3_000_000_000L, 75_000_000_000L};
        int[] next = {0};
        Progress lines = new LineProgress(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> ticks[Math.min(next[0]++, 6)]);

        Trainer.of(new ScriptedLoss(0.5f, 0.25f, 0.125f))
                .optimizer(Sgd.builder().learningRate(0.1).build())
                .fullBatch()
                .epochs(3)
                .progress(lines)
                .fit(new float[3], TrainingData.line(8, 1));

        assertEquals(
                List.of(
                        "epoch 1/3: loss 0.5000, learning_rate 0.1000 (1.50 s, about 3.00 s left)",
                        "epoch 2/3: loss 0.2500, learning_rate 0.1000 (1.50 s, about 1.50 s left)",
                        "epoch 3/3: loss 0.1250, learning_rate 0.1000 (1 min 12 s)"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void linesEndWithTheReasonTrainingStopped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Trainer.of(new ScriptedLoss(1, 2, 3))
                .fullBatch()
                .epochs(3)
                .callbacks(EarlyStopping.on("loss"))
                .progress(new LineProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> 0))
                .fit(new float[3], TrainingData.line(8, 1));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size());
        assertEquals(
                "stopped: early stopping: loss has not improved on 1.0000 (epoch 1) for 1 epoch; the parameters are"
                        + " those of epoch 1",
                lines.get(2));
    }

    @Test
    void theBarShowsEveryEpochAndItsFigures() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Trainer.of(new ScriptedLoss(0.5f, 0.25f, 0.5f, 0.25f))
                .batchSize(4)
                .epochs(2)
                .progress(Progress.bar(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .fit(new float[3], TrainingData.line(8, 1));

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("epoch 1/2") && shown.contains("epoch 2/2"), shown);
        assertTrue(shown.contains("loss 0.3750, learning_rate 0.0100"), shown);
    }

    @Test
    void withoutAConsoleProgressIsLines() {
        // Surefire runs tests with standard input and output redirected, so there is no console.
        assertInstanceOf(LineProgress.class, Progress.auto());
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("0.12 s", Durations.format(123_000_000L));
        assertEquals("42 s", Durations.format(42_400_000_000L));
        assertEquals("3 min 5 s", Durations.format(185_000_000_000L));
        assertEquals("2 h 14 min", Durations.format((2 * 3600 + 14 * 60 + 10) * 1_000_000_000L));
        assertEquals("", Durations.left(5, 3, 3));
    }
}
