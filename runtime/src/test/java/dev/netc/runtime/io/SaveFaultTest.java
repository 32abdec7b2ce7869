package dev.netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while weights are saved (RELIABILITY F1, F2 and F3), on top of {@code AtomicFilesCrashTest}: a hundred
 * kills at random points of a save, a directory the process may not write to, and a save over a file that is being
 * read or is memory-mapped. netc itself never maps a file (every reader goes through {@link FileChannel#read}); the
 * mapping here is one an application might hold.
 */
class SaveFaultTest {

    /** Kills, each of a child JVM that started while the previous child was still saving. */
    private static final int KILLS = 100;

    /** A kill lands uniformly within this many save durations after the child starts saving. */
    private static final int SAVES_PER_WINDOW = 3;

    /**
     * Children started ahead of the one being killed. JVM start-up dominates each kill; starting the next two while
     * one saves keeps both cores busy.
     */
    private static final int STARTING_AHEAD = 2;

    /** Saves a child makes before it is timed: the first ones load classes and run interpreted. */
    private static final int WARM_UP_SAVES = 2;

    /** Runs a program with fewer privileges (util-linux); used to drop root's permission to write anywhere. */
    private static final String SETPRIV = "/usr/bin/setpriv";

    /** Saves the writer makes while readers read. */
    private static final int SAVES = 100;

    @TempDir
    Path directory;

    /**
     * A child JVM saves new versions without pause and is killed ({@code destroyForcibly}, SIGKILL) at a random moment,
     * a hundred times: the target must always be one complete version, the one the child last reported or the one it
     * was writing, and at most the dead child's temporary file may be left. The next children start while the
     * previous one still runs and warm up on a file of their own, so that JVM start-up, which dominates each kill,
     * overlaps the saves.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void killedAHundredTimesWhileSavingLeavesTheOldOrTheNewFile() throws Exception {
        Path target = directory.resolve("killed.netc");
        SaveProcess.weights(0).save(target);
        Random random = new Random(20261124L);
        long committed = 0;
        int midSave = 0;
        int advanced = 0;
        Path warmUps = Files.createDirectory(directory.resolve("warm-up"));
        Deque<Saver> starting = new ArrayDeque<>();
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                while (starting.size() < Math.min(STARTING_AHEAD, KILLS - kill)) {
                    // a file per child: saves of one file by two processes at once are not supported
                    starting.add(Saver.start(warmUps.resolve("warm-up-" + (kill + starting.size()) + ".netc"), target));
                }
                Saver child = starting.remove();
                long saveNanos = child.awaitReady();
                child.go(committed + 1);
                TimeUnit.NANOSECONDS.sleep((long) (random.nextDouble() * SAVES_PER_WINDOW * saveNanos));
                long reported = child.kill(committed);

                long found = SaveProcess.versionOf(WeightFile.read(target));
                int attempt = kill;
                assertTrue(
                        found == reported || found == reported + 1,
                        () -> "kill " + attempt + ": the child reported version " + reported + " saved, the file has "
                                + found);
                List<Path> temporaries = TestFiles.temporaries(directory);
                assertTrue(temporaries.size() <= 1, () -> "abandoned temporaries pile up: " + temporaries);
                midSave += temporaries.size();
                advanced += found > committed ? 1 : 0;
                committed = found;
            }
        } finally {
            for (Saver unused : starting) {
                unused.discard();
            }
        }
        assertTrue(midSave > 0, "no kill landed between the creation of a temporary file and its rename");
        assertTrue(advanced > 0, "no child completed a save before it was killed");
        SaveProcess.weights(committed + 1).save(target);
        assertEquals(List.of(), TestFiles.temporaries(directory), "temporaries after a clean save");
    }

    /**
     * A directory without write permission: the save fails with an I/O error naming the target and why, and the old
     * file is untouched. The save runs in a child JVM, which drops the capability to override file permissions when
     * this JVM holds it (as root does), so that the permissions count.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void readOnlyDirectoryIsAnErrorNamingTheTargetAndKeepsTheOldFile() throws Exception {
        Path readOnly = Files.createDirectory(directory.resolve("read-only"));
        Path target = readOnly.resolve("weights.netc");
        SaveProcess.weights(0).save(target);
        byte[] old = Files.readAllBytes(target);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            List<String> command = new ArrayList<>();
            if (canWriteInto(readOnly)) {
                assumeTrue(Files.isExecutable(Path.of(SETPRIV)), "privileged, and no " + SETPRIV + " to drop it");
                command.addAll(List.of(SETPRIV, "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"));
            }
            command.addAll(ChildJvm.command("once", target.toString(), "1"));

            Process child = ChildJvm.start(command);
            String output = ChildJvm.drain(ChildJvm.output(child));

            assertEquals(SaveProcess.SAVE_FAILED, child.waitFor(), output);
            assertTrue(
                    output.startsWith(
                            target + ": cannot save (permission denied: " + readOnly.resolve(".weights.netc.")),
                    output);
            assertTrue(
                    output.endsWith(".netc-tmp); the previous file, if any, is unchanged [weights:io-error]\n"),
                    output);
            assertArrayEquals(old, Files.readAllBytes(target), "the old file");
            assertEquals(List.of(), TestFiles.temporaries(readOnly));
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * A reader half way through the old file and an application's memory mapping of it both keep seeing the complete
     * old bytes after a save replaces the file: the save renames a new file over the name and never writes into the
     * old one, so there is no torn read and no {@code SIGBUS} from a mapping whose file shrank.
     */
    @Test
    void savingOverAFileBeingReadOrMappedKeepsTheReadersView() throws Exception {
        Path target = directory.resolve("in-use.netc");
        SaveProcess.weights(1).save(target);
        byte[] old = Files.readAllBytes(target);
        int half = old.length / 2;

        try (FileChannel reading = FileChannel.open(target, StandardOpenOption.READ);
                FileChannel mapping = FileChannel.open(target, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = mapping.map(FileChannel.MapMode.READ_ONLY, 0, old.length);
            ByteBuffer read = ByteBuffer.allocate(old.length);
            while (read.position() < half) {
                reading.read(read);
            }

            SaveProcess.weights(2).save(target);

            while (read.hasRemaining() && reading.read(read) >= 0) {
                // the rest of the old file
            }
            assertArrayEquals(old, read.array(), "what the open reader read");
            byte[] seen = new byte[old.length];
            mapped.get(seen);
            assertArrayEquals(old, seen, "what the mapping holds");
        }
        assertEquals(2, SaveProcess.versionOf(WeightFile.read(target)), "the new file under the name");
    }

    /**
     * Readers in this JVM reading the file while a writer replaces it {@value #SAVES} times: every read finds one
     * complete, checksummed version, never a partial file or a checksum error.
     */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void readsDuringRepeatedSavesAlwaysFindACompleteVersion() throws Exception {
        Path target = directory.resolve("busy.netc");
        SaveProcess.weights(0).save(target);
        AtomicBoolean saving = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                reads.add(readers.submit(() -> {
                    int count = 0;
                    long last = 0;
                    while (saving.get() || count == 0) {
                        long version = SaveProcess.versionOf(WeightFile.read(target));
                        assertTrue(version >= last, "versions go forward: " + last + " then " + version);
                        last = version;
                        count++;
                    }
                    return count;
                }));
            }
            for (long version = 1; version <= SAVES; version++) {
                SaveProcess.weights(version).save(target);
            }
            saving.set(false);
            for (Future<Integer> read : reads) {
                assertTrue(read.get(30, TimeUnit.SECONDS) > 0, "a reader read nothing");
            }
        } finally {
            readers.shutdownNow();
        }
        assertEquals(SAVES, SaveProcess.versionOf(WeightFile.read(target)));
        assertEquals(List.of(), TestFiles.temporaries(directory));
    }

    /** Whether this process may create files in {@code readOnly} anyway (root and CAP_DAC_OVERRIDE may). */
    private static boolean canWriteInto(Path readOnly) throws IOException {
        Path probe = readOnly.resolve("probe");
        try {
            Files.createFile(probe);
        } catch (AccessDeniedException e) {
            return false;
        }
        Files.delete(probe);
        return true;
    }

    /**
     * A child JVM running {@link Main}: it warms up by saving to a file of its own {@value #WARM_UP_SAVES} times (and
     * deletes it), says {@code ready} with the duration of the last of those saves, then on {@code go N} saves
     * versions N, N+1, ... of {@link SaveProcess#weights} to the target without pause, printing {@code saved N} after
     * each.
     */
    private record Saver(Process process, BufferedReader output, Writer input) {

        /** Starts a child that warms up on {@code warmUp}, a file of its own, then saves {@code target}. */
        static Saver start(Path warmUp, Path target) {
            List<String> command = new ArrayList<>(ChildJvm.command());
            command.set(command.size() - 1, Main.class.getName());
            command.add(1, "-XX:+UseSerialGC");
            command.add(warmUp.toString());
            command.add(target.toString());
            Process process = ChildJvm.start(command);
            return new Saver(
                    process,
                    ChildJvm.output(process),
                    new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        }

        /** Waits for the child's warm-up and returns how long its save took, in nanoseconds. */
        long awaitReady() throws IOException {
            String line = output.readLine();
            assertNotNull(line, "the child exited before it was ready");
            assertTrue(line.startsWith("ready "), () -> "unexpected output from the child: " + line);
            return Long.parseLong(line.substring("ready ".length()));
        }

        void go(long firstVersion) throws IOException {
            input.write("go " + firstVersion + "\n");
            input.flush();
        }

        /**
         * Kills the child (SIGKILL: the handle only sends the signal, unlike {@link Process#destroyForcibly}, which
         * also closes the pipes), waits for it to die, and returns the last version it reported saved, or {@code
         * before} if it reported none.
         */
        long kill(long before) throws InterruptedException {
            process.toHandle().destroyForcibly();
            process.waitFor();
            long version = before;
            for (String line : ChildJvm.drain(output).split("\n")) {
                if (line.startsWith("saved ")) {
                    version = Long.parseLong(line.substring("saved ".length()));
                } else if (!line.isBlank()) {
                    throw new AssertionError("unexpected output from the child: " + line);
                }
            }
            return version;
        }

        /** Kills a child that is not needed any more, whatever it was doing. */
        void discard() throws InterruptedException {
            process.toHandle().destroyForcibly();
            process.waitFor();
        }
    }

    /** The program of {@link Saver}: {@code Main WARM_UP_FILE TARGET}. */
    public static final class Main {

        private Main() {}

        public static void main(String[] args) throws Exception {
            PrintStream out = System.out;
            Path warmUp = Path.of(args[0]);
            long duration = 0;
            for (int save = 0; save < WARM_UP_SAVES; save++) {
                long start = System.nanoTime();
                SaveProcess.weights(save).save(warmUp);
                duration = System.nanoTime() - start;
            }
            Files.delete(warmUp);
            out.println("ready " + duration);
            out.flush();
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            Path target = Path.of(args[1]);
            // until killed, or until the test that reads the output has gone (checkError: the pipe is closed)
            for (long version = Long.parseLong(go.substring("go ".length())); !out.checkError(); version++) {
                SaveProcess.weights(version).save(target);
                out.println("saved " + version);
            }
        }
    }
}
