package dev.netc.runtime.io;

import static dev.netc.runtime.io.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netc.runtime.io.WeightFileException.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves that fail the hard way (RELIABILITY.md rows F1 and F2): a child JVM killed while it saves, a write refused part
 * way by the operating system, a full file system and a read-only one. Each time the target must afterwards hold the
 * complete old or the complete new weights, and no temporary file may pile up.
 */
class AtomicFilesCrashTest {

    /**
     * Child JVMs killed, each after a JVM start-up: about 10 seconds in all. Roughly a third of the kills land between
     * the creation of a temporary file and its rename, the rest between saves; the test fails if none lands inside.
     */
    private static final int KILLS = 40;

    /** Upper bound of the random wait between a child's first completed save and its death. */
    private static final int MAX_DELAY_MILLIS = 40;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void killedWhileSavingLeavesTheOldOrTheNewFile() throws Exception {
        Path target = directory.resolve("crash.netc");
        SaveProcess.weights(0).save(target);
        Random random = new Random(20261123L);
        long committed = 0;
        int midSave = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = ChildJvm.start(ChildJvm.command("loop", target.toString(), Long.toString(committed + 1)));
            BufferedReader output = ChildJvm.output(child);
            String first = output.readLine();
            assertNotNull(first, "the child exited before saving once");
            Thread.sleep(random.nextInt(MAX_DELAY_MILLIS));
            // Process.destroyForcibly would also close the pipe; the handle only sends the signal.
            child.toHandle().destroyForcibly();
            long reported = lastSaved(first, ChildJvm.drain(output));

            long found = SaveProcess.versionOf(WeightFile.read(target));
            int attempt = kill;
            assertTrue(
                    found == reported || found == reported + 1,
                    () -> "kill " + attempt + ": the child reported version " + reported + " saved, the file has "
                            + found);
            List<Path> temporaries = TestFiles.temporaries(directory);
            assertTrue(temporaries.size() <= 1, () -> "abandoned temporaries pile up: " + temporaries);
            midSave += temporaries.size();
            committed = found;
        }
        assertTrue(midSave > 0, "no kill landed in the middle of a save, so nothing was tested");
        SaveProcess.weights(committed + 1).save(target);
        assertEquals(List.of(), TestFiles.temporaries(directory), "temporaries after a clean save");
    }

    /** A temporary file locked by a live process is being written: kept. Once that process dies, it is deleted. */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void temporaryOfALiveWriterIsKeptUntilItDies() throws Exception {
        Path target = directory.resolve("held.netc");
        Path busy = TestFiles.write(directory.resolve(".held.netc.5eed.netc-tmp"), new byte[] {1, 2, 3});
        Process child = ChildJvm.start(ChildJvm.command("hold", busy.toString()));
        try {
            assertEquals("locked", ChildJvm.output(child).readLine());
            SaveProcess.weights(1).save(target);
            assertEquals(List.of(busy), TestFiles.temporaries(directory));
        } finally {
            child.destroyForcibly().waitFor();
        }
        SaveProcess.weights(2).save(target);
        assertEquals(List.of(), TestFiles.temporaries(directory));
        assertEquals(2, SaveProcess.versionOf(WeightFile.read(target)));
    }

    /**
     * The operating system refuses a write part way: the child runs under {@code ulimit -f} (128 KiB), so writing the
     * 1 MB temporary file fails with "File too large", as it would on a full disk.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void writeRefusedPartWayLeavesTheOldFile() throws Exception {
        Path target = directory.resolve("limited.netc");
        SaveProcess.weights(0).save(target);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -f 256 && exec \"$@\"", "sh"));
        command.addAll(ChildJvm.command("once", target.toString(), "1"));

        Process child = ChildJvm.start(command);
        String output = ChildJvm.drain(ChildJvm.output(child));

        assertEquals(SaveProcess.SAVE_FAILED, child.waitFor(), output);
        assertTrue(
                output.startsWith(target + ": cannot save (file too large); the previous file, if any, is unchanged"),
                output);
        assertEquals(0, SaveProcess.versionOf(WeightFile.read(target)));
        assertEquals(List.of(), TestFiles.temporaries(directory));
    }

    /**
     * A real full disk and a read-only file system: a 256 KiB tmpfs, then the same remounted read-only. Mounting needs
     * root (or CAP_SYS_ADMIN); elsewhere the test is skipped, and {@link #writeRefusedPartWayLeavesTheOldFile} still
     * covers a write refused part way.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void fullAndReadOnlyFileSystemsLeaveTheOldFile() throws Exception {
        Path mount = Files.createDirectory(directory.resolve("tiny"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString()), "cannot mount a tmpfs");
        try {
            Path target = mount.resolve("weights.netc");
            Architecture xor = Specs.architecture("xor");
            float[] parameters = Specs.parameters(xor, 8);
            WeightFile.of(xor, parameters, List.of()).save(target);
            byte[] old = TestFiles.bytes(target);

            assertFails(
                    Problem.IO_ERROR,
                    () -> SaveProcess.weights(1).save(target),
                    target + ": cannot save (no space left on device); the previous file, if any, is unchanged");
            assertEquals(List.of(), TestFiles.temporaries(mount));
            TestFiles.assertBitwiseEqual(parameters, WeightFile.read(target).parametersFor(xor), "after disk full");

            assertTrue(run("mount", "-o", "remount,ro", mount.toString()), "remount read-only");
            assertFails(
                    Problem.IO_ERROR,
                    () -> WeightFile.of(xor, new float[11], List.of()).save(target),
                    target + ": cannot save (read-only file system: ");
            assertEquals(HexFormat.of().formatHex(old), HexFormat.of().formatHex(TestFiles.bytes(target)));
        } finally {
            run("umount", mount.toString());
        }
    }

    /** The version in the last {@code saved N} line a child printed. */
    private static long lastSaved(String first, String rest) {
        long version = -1;
        for (String line : (first + "\n" + rest).split("\n")) {
            if (line.startsWith("saved ")) {
                version = Long.parseLong(line.substring("saved ".length()));
            } else if (!line.isBlank()) {
                throw new AssertionError("unexpected output from the child: " + line);
            }
        }
        return version;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ChildJvm.drain(ChildJvm.output(process));
        return process.waitFor() == 0;
    }
}
