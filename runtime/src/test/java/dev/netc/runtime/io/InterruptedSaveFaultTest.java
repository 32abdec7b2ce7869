package dev.netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt of the saving thread, before or during a save, neither abandons the save nor is lost (the
 * interrupted-checkpoint-write gap). Writing through the caller's own {@code FileChannel}, either interrupt closed the
 * channel and failed the save with {@code ClosedByInterruptException}; a checkpoint written at the batch where training
 * was interrupted was then lost.
 */
class InterruptedSaveFaultTest {

    /** More than the 64 KiB that {@link AtomicFiles} buffers, so the channel is written after the interrupt. */
    private static final int LENGTH = 1 << 20;

    @TempDir
    Path directory;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptDuringTheWriteNeitherAbandonsItNorIsLost() throws Exception {
        Path target = TestFiles.write(directory.resolve("during.netc"), new byte[] {1, 2, 3});
        byte[] content = content();
        Thread caller = Thread.currentThread();

        AtomicFiles.write(target, out -> {
            out.write(content, 0, LENGTH / 2);
            out.flush();
            caller.interrupt();
            out.write(content, LENGTH / 2, LENGTH / 2);
            out.flush();
        });

        assertTrue(Thread.interrupted(), "the caller's interrupt status after the save");
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of(), TestFiles.temporaries(directory));
    }

    @Test
    void aThreadAlreadyInterruptedStillSavesAndStaysInterrupted() throws Exception {
        Path target = directory.resolve("before.netc");
        byte[] content = content();

        Thread.currentThread().interrupt();
        AtomicFiles.write(target, out -> out.write(content));

        assertTrue(Thread.interrupted(), "the caller's interrupt status after the save");
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    /** A checkpoint-sized weight file, saved by an interrupted thread, reads back whole. */
    @Test
    void anInterruptedThreadSavesWeightsThatReadBack() throws Exception {
        Path target = directory.resolve("weights.netc");

        Thread.currentThread().interrupt();
        SaveProcess.weights(7).save(target);

        assertTrue(Thread.interrupted(), "the caller's interrupt status after the save");
        assertEquals(7, SaveProcess.versionOf(WeightFile.read(target)));
    }

    private static byte[] content() {
        byte[] content = new byte[LENGTH];
        Arrays.fill(content, (byte) 0x5a);
        content[LENGTH - 1] = 1;
        return content;
    }
}
