package dev.netc.runtime.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.CheckpointProgress;
import dev.netc.runtime.io.WeightFileException;
import dev.netc.runtime.reference.TrainableReference;
import dev.netc.runtime.train.Callback;
import dev.netc.runtime.train.CheckpointCallback;
import dev.netc.runtime.train.TrainingRun;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An interrupted training thread stops at a batch boundary: its parameters are those after the last finished step,
 * the checkpoint written at that step holds exactly them, and resuming from it ends bit for bit where a run that was
 * never interrupted ends (RELIABILITY F4, for interrupts).
 */
class InterruptedTrainingTest {

    private static final int EPOCHS = 4;

    /** Long enough (1,400 steps) that an interrupt sent after step 9 always arrives before the run ends. */
    private static final int LONG_EPOCHS = 200;

    private static int interruptedRuns;

    @TempDir
    Path directory;

    /** Interrupts during a chosen step: the stop is exactly at the boundary after it. */
    @ParameterizedTest(name = "interrupted after step {0}")
    @ValueSource(ints = {1, 6, 7, 8, 13, 20})
    void anInterruptDuringAStepStopsAfterItWithACheckpointThatResumesExactly(int step) throws WeightFileException {
        float[] expected = uninterrupted(EPOCHS);
        Path file = directory.resolve("run.ckpt");
        float[] parameters = InterruptedRun.initialParameters();

        CancellationException stopped = assertThrows(CancellationException.class, () -> InterruptedRun.trainer(
                        new InterruptingNetwork(new TrainableReference(InterruptedRun.NETWORK), step),
                        EPOCHS,
                        CheckpointCallback.to(file).everyBatches(1))
                .fit(parameters, InterruptedRun.data()));
        assertTrue(Thread.interrupted(), "the interrupt status is left set for the caller");
        int epoch = (step - 1) / InterruptedRun.BATCHES_PER_EPOCH;
        int batch = (step - 1) % InterruptedRun.BATCHES_PER_EPOCH;
        assertEquals(
                String.format(
                        Locale.ROOT,
                        "training interrupted after epoch %d/%d, batch %d/%d; the parameters are those after that"
                                + " batch",
                        epoch + 1,
                        EPOCHS,
                        batch + 1,
                        InterruptedRun.BATCHES_PER_EPOCH),
                stopped.getMessage());

        Checkpoint checkpoint = Checkpoint.read(file);
        assertEquals(step, stepOf(checkpoint.progress()), "the checkpoint is of the last finished step");
        assertArrayEquals(parameters, checkpoint.parameters(), "the checkpoint holds the parameters at the stop");
        assertResumesTo(expected, checkpoint, EPOCHS);
        interruptedRuns++;
    }

    /** A real interrupt from another thread, at whatever point of a step it lands. */
    @Test
    void aThreadInterruptedFromOutsideLeavesAConsistentCheckpoint() throws Exception {
        float[] expected = uninterrupted(LONG_EPOCHS);
        Path file = directory.resolve("outside.ckpt");
        float[] parameters = InterruptedRun.initialParameters();
        CountDownLatch running = new CountDownLatch(1);
        Callback signal = new Callback() {
            @Override
            public void batchEnded(TrainingRun run, float loss) {
                if (InterruptedRun.step(run) == 9) {
                    running.countDown();
                }
            }
        };
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread trainer = new Thread(() -> {
            try {
                InterruptedRun.trainer(
                                LONG_EPOCHS, signal, CheckpointCallback.to(file).everyBatches(1))
                        .fit(parameters, InterruptedRun.data());
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        trainer.start();
        assertTrue(running.await(30, TimeUnit.SECONDS), "training reached step 9");
        trainer.interrupt();
        trainer.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(trainer.isAlive(), "the training thread stopped");

        Checkpoint checkpoint = Checkpoint.read(file);
        // whether it lands in a step, in a callback or in the middle of a checkpoint write (AtomicFiles saves on a
        // thread of its own), the interrupt stops training at a boundary with that boundary's checkpoint written
        assertInstanceOf(CancellationException.class, outcome.get(), "how training ended");
        assertTrue(stepOf(checkpoint.progress()) >= 9, "the checkpoint is at least of step 9");
        assertArrayEquals(parameters, checkpoint.parameters(), "the checkpoint holds the parameters at the stop");
        assertResumesTo(expected, checkpoint, LONG_EPOCHS);
    }

    @AfterAll
    static void everyInterruptWasTried() {
        assertEquals(6, interruptedRuns, "interrupted runs checked");
    }

    private static float[] uninterrupted(int epochs) {
        float[] parameters = InterruptedRun.initialParameters();
        InterruptedRun.trainer(epochs).fit(parameters, InterruptedRun.data());
        return parameters;
    }

    private static void assertResumesTo(float[] expected, Checkpoint checkpoint, int epochs) {
        float[] resumed = new float[expected.length];
        InterruptedRun.trainer(epochs).resume(checkpoint, resumed, InterruptedRun.data());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(
                    Float.floatToRawIntBits(expected[i]),
                    Float.floatToRawIntBits(resumed[i]),
                    "parameter " + i + " after resuming");
        }
    }

    private static long stepOf(CheckpointProgress progress) {
        return (long) progress.epoch() * progress.batchesPerEpoch() + progress.batch();
    }
}
