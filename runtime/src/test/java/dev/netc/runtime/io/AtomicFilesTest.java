package dev.netc.runtime.io;

import static dev.netc.runtime.io.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.io.WeightFileException.Problem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFiles} in one process: replacing, failing part way, and cleaning what killed savers left behind. */
class AtomicFilesTest {

    private static final byte[] OLD = "old content".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "new content, longer than the old".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void createsThenReplacesTheTarget() throws Exception {
        Path target = directory.resolve("model.netc");

        AtomicFiles.write(target, out -> out.write(OLD));
        assertArrayEquals(OLD, Files.readAllBytes(target));
        AtomicFiles.write(target, out -> out.write(NEW));

        assertArrayEquals(NEW, Files.readAllBytes(target));
        assertEquals(List.of(), TestFiles.temporaries(directory));
    }

    @Test
    void failureWhileWritingLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = TestFiles.write(directory.resolve("model.netc"), OLD);

        WeightFileException e = assertFails(
                Problem.IO_ERROR,
                () -> AtomicFiles.write(target, out -> {
                    out.write(NEW);
                    throw new IOException("device gone");
                }),
                target + ": cannot save (device gone); the previous file, if any, is unchanged");

        assertEquals("device gone", e.getCause().getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of(), TestFiles.temporaries(directory));
    }

    @Test
    void bugInTheContentPropagatesAndLeavesTheOldFile() throws Exception {
        Path target = TestFiles.write(directory.resolve("model.netc"), OLD);
        IllegalStateException bug = new IllegalStateException("bug");

        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(NEW);
                    throw bug;
                }));

        assertSame(bug, thrown);
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of(), TestFiles.temporaries(directory));
    }

    /** The root user ignores permissions, so an unwritable place is made by a parent that is a regular file. */
    @Test
    void parentThatIsAFileIsAnErrorNamingTheTarget() {
        Path parent = TestFiles.write(directory.resolve("not-a-directory"), OLD);
        Path target = parent.resolve("model.netc");

        assertFails(
                Problem.IO_ERROR,
                () -> AtomicFiles.write(target, out -> out.write(NEW)),
                target + ": cannot save (not a directory: " + parent.resolve(".model.netc."),
                "the previous file, if any, is unchanged");
        assertArrayEquals(OLD, TestFiles.bytes(parent));
    }

    @Test
    void directoryIsNotReplaced() throws Exception {
        Path target = Files.createDirectory(directory.resolve("model.netc"));

        assertFails(
                Problem.IO_ERROR,
                () -> AtomicFiles.write(target, out -> out.write(NEW)),
                target + ": cannot save over a directory");
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void abandonedTemporariesOfTheTargetAreDeletedOthersKept() throws Exception {
        Path target = directory.resolve("model.netc");
        Path abandoned = TestFiles.write(directory.resolve(".model.netc.1f2e3d.netc-tmp"), OLD);
        Path otherTarget = TestFiles.write(directory.resolve(".other.netc.1f2e3d.netc-tmp"), OLD);
        Path unrelated = TestFiles.write(directory.resolve(".model.netc.backup"), OLD);

        AtomicFiles.write(target, out -> out.write(NEW));

        assertEquals(List.of(otherTarget), TestFiles.temporaries(directory));
        assertTrue(Files.exists(unrelated));
        assertTrue(Files.notExists(abandoned));
    }

    /** A temporary file whose lock is held (here by this JVM; {@code AtomicFilesCrashTest} uses another) is kept. */
    @Test
    void lockedTemporaryIsKept() throws Exception {
        Path target = directory.resolve("model.netc");
        Path busy = TestFiles.write(directory.resolve(".model.netc.77.netc-tmp"), OLD);

        try (FileChannel channel = FileChannel.open(busy, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            AtomicFiles.write(target, out -> out.write(NEW));

            assertTrue(lock.isValid());
            assertEquals(List.of(busy), TestFiles.temporaries(directory));
        }
        AtomicFiles.write(target, out -> out.write(NEW));
        assertEquals(List.of(), TestFiles.temporaries(directory));
    }
}
