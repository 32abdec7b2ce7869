package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Optimizer.Kind;
import dev.netc.runtime.io.AtomicFiles;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.CheckpointProgress;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.reference.TrainableReference;
import dev.netc.runtime.train.ResumeScenario.Crash;
import dev.netc.spec.OptimizerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training interrupted after any step and resumed from its last checkpoint ends with the parameters and history of a
 * run that was never interrupted, bit for bit: in this JVM, in a fresh one, for every optimizer, and when the resumed
 * run trains for more epochs than the one that wrote the checkpoint (RELIABILITY F4).
 */
class ResumeTest {

    @TempDir
    Path directory;

    @Test
    void resumingAfterAnyStepEndsBitIdentical() throws IOException {
        float[] expected = ResumeScenario.initialParameters();
        String expectedHistory = ResumeScenario.trainer(ResumeScenario.adam())
                .fit(expected, ResumeScenario.data())
                .toCsv();
        int checked = 0;
        int[][] crashAndEvery = {
            {2, 1}, {4, 1}, {7, 1}, {8, 1}, {9, 1}, {15, 1}, {22, 1}, {35, 1}, {4, 3}, {7, 3}, {8, 3}, {9, 3}, {15, 3},
            {22, 3}, {35, 3}
        };
        for (int[] pair : crashAndEvery) {
            int crash = pair[0];
            int every = pair[1];
            Path file = directory.resolve("run-" + crash + "-" + every + ".ckpt");
            Checkpoint checkpoint = interrupt(ResumeScenario::adam, crash, every, file);
            int saved = Math.max((crash - 1) / every * every, (crash - 1) / 7 * 7);
            assertEquals(saved, stepOf(checkpoint.progress()), () -> "checkpoint of the run crashed at " + crash);

            float[] resumed = new float[expected.length];
            History history = ResumeScenario.trainer(
                            ResumeScenario.adam(), CheckpointCallback.to(file).everyBatches(every))
                    .resume(checkpoint, resumed, ResumeScenario.data());

            assertSameBits(expected, resumed, "crash after step " + crash + ", checkpoint every " + every);
            assertEquals(expectedHistory, history.toCsv());
            checked++;
        }
        assertEquals(15, checked);
    }

    @Test
    void resumingInAFreshJvmEndsBitIdentical() throws Exception {
        float[] expected = ResumeScenario.initialParameters();
        String expectedHistory = ResumeScenario.trainer(ResumeScenario.adam())
                .fit(expected, ResumeScenario.data())
                .toCsv();
        Path file = directory.resolve("run.ckpt");
        interrupt(ResumeScenario::adam, 17, 1, file);
        Path out = directory.resolve("resumed.netc");

        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ResumeProcess.class.getName(),
                        file.toString(),
                        out.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM did not finish");

        assertEquals(0, child.exitValue(), output);
        assertEquals(expectedHistory, output);
        assertSameBits(expected, WeightFile.read(out).parameters(), "resumed in a child JVM");
    }

    @Test
    void everyOptimizerResumesBitIdentical() throws IOException {
        int checked = 0;
        for (Kind kind : Kind.values()) {
            Supplier<Optimizer> optimizer = () -> Optimizer.of(OptimizerSpec.defaults(kind));
            float[] expected = ResumeScenario.initialParameters();
            ResumeScenario.trainer(optimizer.get()).fit(expected, ResumeScenario.data());
            Path file = directory.resolve(kind.yamlName() + ".ckpt");
            Checkpoint checkpoint = interrupt(optimizer, 12, 1, file);
            assertEquals(kind, checkpoint.optimizer().kind());
            assertEquals(11, checkpoint.optimizer().steps());

            float[] resumed = new float[expected.length];
            ResumeScenario.trainer(optimizer.get()).resume(checkpoint, resumed, ResumeScenario.data());

            assertSameBits(expected, resumed, kind.yamlName());
            checked++;
        }
        assertEquals(Kind.values().length, checked);
    }

    @Test
    void aShorterRunsLastCheckpointTrainsOnAsALongerRunWould() throws IOException {
        float[] expected = ResumeScenario.initialParameters();
        ResumeScenario.trainer(ResumeScenario.adam()).fit(expected, ResumeScenario.data());
        Path file = directory.resolve("short.ckpt");
        ResumeScenario.trainer(ResumeScenario.adam(), CheckpointCallback.to(file))
                .epochs(3)
                .fit(ResumeScenario.initialParameters(), ResumeScenario.data());
        Checkpoint checkpoint = Checkpoint.read(file);
        assertEquals(
                List.of(3, 0, 3),
                List.of(
                        checkpoint.progress().epoch(),
                        checkpoint.progress().batch(),
                        checkpoint.progress().epochs()));

        float[] resumed = new float[expected.length];
        History history =
                ResumeScenario.trainer(ResumeScenario.adam()).resume(checkpoint, resumed, ResumeScenario.data());

        assertEquals(ResumeScenario.EPOCHS, history.epochs());
        assertSameBits(expected, resumed, "3 epochs, then 2 more from the checkpoint");
    }

    @Test
    void aRunResumedWithinAnEpochRecoversFromADivergenceLaterInThatEpoch() throws IOException {
        Checkpoint afterStep10 = interrupt(ResumeScenario::adam, 11, 1, directory.resolve("step10.ckpt"));
        Checkpoint afterStep12 = interrupt(ResumeScenario::adam, 13, 1, directory.resolve("step12.ckpt"));
        float[] parameters = new float[ResumeScenario.initialParameters().length];
        // steps 11, 12 and 13 are its calls 0, 1 and 2: step 13 (epoch 2, batch 6) gets a NaN gradient
        Faulty network = new Faulty(new TrainableReference(ResumeScenario.NETWORK), 2, 0);

        TrainingDivergedException diverged = assertThrows(
                TrainingDivergedException.class, () -> ResumeScenario.trainer(network, ResumeScenario.adam())
                        .resume(afterStep10, parameters, ResumeScenario.data()));

        assertEquals(List.of(1, 5), List.of(diverged.epoch(), diverged.batch()), diverged.getMessage());
        assertSameBits(afterStep12.parameters(), parameters, "replayed from the batch the run resumed at");
    }

    /** Runs the scenario with checkpoints every {@code every} steps until it crashes after step {@code crash}. */
    private static Checkpoint interrupt(Supplier<Optimizer> optimizer, int crash, int every, Path file)
            throws IOException {
        assertThrows(Crash.class, () -> ResumeScenario.trainer(
                        optimizer.get(),
                        ResumeScenario.crashAfter(crash),
                        CheckpointCallback.to(file).everyBatches(every))
                .fit(ResumeScenario.initialParameters(), ResumeScenario.data()));
        assertTrue(Files.exists(file), "no checkpoint before the crash after step " + crash);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertFalse(files.anyMatch(path -> path.toString().endsWith(AtomicFiles.TEMPORARY_SUFFIX)));
        }
        return Checkpoint.read(file);
    }

    private static int stepOf(CheckpointProgress progress) {
        return progress.epoch() * ResumeScenario.BATCHES_PER_EPOCH + progress.batch();
    }

    static void assertSameBits(float[] expected, float[] actual, String what) {
        int[] expectedBits = new int[expected.length];
        int[] actualBits = new int[actual.length];
        for (int i = 0; i < expected.length; i++) {
            expectedBits[i] = Float.floatToRawIntBits(expected[i]);
        }
        for (int i = 0; i < actual.length; i++) {
            actualBits[i] = Float.floatToRawIntBits(actual[i]);
        }
        assertArrayEquals(expectedBits, actualBits, what);
    }
}
