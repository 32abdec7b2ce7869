package dev.netc.runtime.io;

import dev.netc.runtime.io.WeightFileException.Problem;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a crash at any moment (the process killed, the machine losing power) leaves either the
 * complete old file or the complete new one, never a torn mix. {@code Files.write(target, ...)} truncates the target
 * first, so a crash midway loses both versions.
 *
 * <p>The recipe: write a temporary file in the target's directory (a rename is atomic only within one file system),
 * {@link FileChannel#force force} it to disk, {@link StandardCopyOption#ATOMIC_MOVE rename} it over the target, then
 * force the directory, so that the rename itself survives a power cut. A failure at any step deletes the temporary
 * file and leaves the target as it was.
 *
 * <p>Temporary files are named {@code .<target name>.<random>.netc-tmp} and locked while being written. A process
 * killed midway leaves its temporary file behind; the next save to the same target deletes every such file whose lock
 * is free (its writer is dead) and leaves the ones still being written. Two processes saving the same target at the
 * same instant is not supported: the last rename wins, and one of the saves may fail.
 *
 * <p>An interrupt of the calling thread does not cut a save short: the save runs on a thread of its own ({@link
 * SaveThread}), and the interrupt status is set again when it has ended.
 */
public final class AtomicFiles {

    /** Ends the name of every temporary file. */
    public static final String TEMPORARY_SUFFIX = ".netc-tmp";

    /** Attempts at finding an unused temporary name before giving up (each collision is a 2^-64 event). */
    private static final int NAME_ATTEMPTS = 8;

    /** Temporary files this JVM is writing: never cleaned, and never opened by the cleaner (see below). */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /** Writes the content of a file; the stream is buffered and must not be closed. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} (or creates it) with what {@code content} writes. {@code content} runs on the save's
     * own thread; an interrupt of the calling thread meanwhile is kept for after the save (see {@link SaveThread}).
     *
     * @throws WeightFileException {@link Problem#IO_ERROR} naming the target when any step fails, for example a full
     *     disk, a read-only directory or a parent that is not a directory; the target is then unchanged
     */
    public static void write(Path target, Content content) throws WeightFileException {
        SaveThread.run(target, () -> writeHere(target, content));
    }

    /** {@link #write} on the calling thread. */
    private static void writeHere(Path target, Content content) throws WeightFileException {
        Path absolute = target.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        String prefix = "." + absolute.getFileName() + ".";
        if (Files.isDirectory(absolute)) {
            throw failure(target, "cannot save over a directory", null);
        }
        removeAbandoned(directory, prefix);
        try {
            replace(absolute, prefix, content);
        } catch (IOException e) {
            throw failure(
                    target, "cannot save (" + IoErrors.describe(e) + "); the previous file, if any, is unchanged", e);
        }
        try {
            forceDirectory(directory);
        } catch (IOException e) {
            throw failure(
                    target,
                    "saved, but its directory could not be forced to disk (" + IoErrors.describe(e)
                            + "); the new file may not survive a power cut",
                    e);
        }
    }

    /**
     * Writes a new temporary file next to {@code absolute}, forces it to disk and renames it over {@code absolute},
     * holding the temporary file's lock throughout. On failure the temporary file is deleted.
     */
    private static void replace(Path absolute, String prefix, Content content) throws IOException {
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            Path temporary = absolute.resolveSibling(prefix + randomHex() + TEMPORARY_SUFFIX);
            if (!WRITING.add(temporary)) {
                continue;
            }
            try {
                FileChannel channel;
                try {
                    channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                boolean moved = false;
                try (channel) {
                    lockIfSupported(channel);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                    content.writeTo(out);
                    out.flush();
                    channel.force(true);
                    Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
                    moved = true;
                } catch (IOException | RuntimeException | Error e) {
                    if (!moved) {
                        deleteQuietly(temporary);
                        throw e;
                    }
                    // Only closing failed, after the file was forced and renamed into place: nothing is lost.
                }
                return;
            } finally {
                WRITING.remove(temporary);
            }
        }
        throw new IOException("no unused temporary file name next to " + absolute);
    }

    /**
     * Locks a temporary file while it is written, so other processes can tell it from an abandoned one. Some file
     * systems (old NFS) have no locks: the file is then written unlocked, and other processes leave it alone.
     */
    private static void lockIfSupported(FileChannel channel) {
        try {
            channel.tryLock();
        } catch (IOException e) {
            // No locking here: cleaners cannot take the lock either, so they will not delete this file.
        }
    }

    /**
     * Deletes the temporary files of earlier saves of the same target whose writer has died. A file counts as
     * abandoned when its lock can be taken. Files this JVM is writing are skipped without being opened: on POSIX,
     * closing any channel to a file releases every lock this process holds on it.
     */
    private static void removeAbandoned(Path directory, String prefix) {
        DirectoryStream.Filter<Path> ours = entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX);
        };
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ours)) {
            for (Path entry : entries) {
                if (!WRITING.contains(entry)) {
                    deleteIfAbandoned(entry);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // Cleaning is best effort; if the directory cannot be listed, the save reports why it cannot write.
        }
    }

    private static void deleteIfAbandoned(Path temporary) {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // Still being written, already gone, or the lock state is unknowable: leave it.
        }
    }

    /** Makes the rename durable. Windows cannot open a directory, and there a rename is durable once it returns. */
    private static void forceDirectory(Path directory) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The original failure is what the caller needs to see; a stray temporary is cleaned by the next save.
        }
    }

    private static String randomHex() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static WeightFileException failure(Path target, String message, Throwable cause) {
        return new WeightFileException(Problem.IO_ERROR, target.toString(), null, message, cause);
    }
}
