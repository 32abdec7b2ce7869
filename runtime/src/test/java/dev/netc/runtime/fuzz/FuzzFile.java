package dev.netc.runtime.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one file a fuzz test hands each input to, for readers that take a {@link Path}. It is created once and
 * overwritten per input (a fresh file per input would cost more than most reads), in a directory of its own that is
 * deleted when the JVM exits.
 */
final class FuzzFile {

    private final Path file;

    private FuzzFile(Path file) {
        this.file = file;
    }

    /** A file named {@code name} in a new temporary directory. */
    static FuzzFile named(String name) {
        try {
            Path directory = Files.createTempDirectory("netc-fuzz");
            Path file = directory.resolve(name);
            directory.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            return new FuzzFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file, now holding exactly {@code content}. */
    Path holding(byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
