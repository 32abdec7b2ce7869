package dev.netc.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a command as a reader would type it, in a folder of its own, and keeps what it printed. The output goes to
 * files rather than pipes, so a chatty child can never block on a full pipe while the test waits for it.
 */
final class ChildProcess {

    /** Far longer than any step of the pages takes, even on a loaded 2-core machine (each takes seconds). */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private ChildProcess() {}

    /**
     * What a finished command left.
     *
     * @param command the command line
     * @param exitCode its exit status
     * @param out what it wrote to standard output
     * @param err what it wrote to standard error
     */
    record Result(List<String> command, int exitCode, String out, String err) {

        /** The command, its status and both outputs, for assertion messages. */
        String describe() {
            return commandLine(command) + "\nexit status " + exitCode + "\n--- standard output:\n" + out
                    + "--- standard error:\n" + err;
        }

        /** This result, after checking that the command succeeded. */
        Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("command failed: " + describe());
            }
            return this;
        }
    }

    /**
     * Runs {@code command} in {@code directory} and waits for it.
     *
     * @throws AssertionError if it runs longer than {@link #TIMEOUT} (it is then killed)
     */
    static Result run(Path directory, List<String> command) {
        try {
            Path out = Files.createTempFile("netc-docs-", ".out");
            Path err = Files.createTempFile("netc-docs-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                process.getOutputStream().close(); // nothing to read: a command waiting for input ends at once
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("still running after " + TIMEOUT + ", killed: " + commandLine(command));
                }
                return new Result(
                        List.copyOf(command),
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + commandLine(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + commandLine(command), e);
        }
    }

    /** The command as one line, each class path shortened to its entry count: the full paths drown the message. */
    static String commandLine(List<String> command) {
        return command.stream()
                .map(word -> word.split(File.pathSeparator).length > 3
                        ? "(class path of " + word.split(File.pathSeparator).length + " entries)"
                        : word)
                .collect(Collectors.joining(" "));
    }
}
