package dev.netc.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every outcome must look like: quick, and a refusal with a message that stands on its own and names the file.
 */
final class Outcomes {

    /**
     * The most one input may take. Checked after the read, so it catches slow inputs but not endless ones; JUnit's
     * {@code @Timeout} is not used because in fuzzing mode it times the whole run, not one input.
     */
    static final Duration PER_INPUT = Duration.ofSeconds(10);

    private Outcomes() {}

    /** Fails if more than {@link #PER_INPUT} has passed since {@code start} ({@link System#nanoTime()}). */
    static void assertQuick(long start) {
        Duration taken = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(
                taken.compareTo(PER_INPUT) <= 0, () -> "expected at most " + PER_INPUT + " per input, took " + taken);
    }

    /** Fails unless {@code refusal}'s message is present and names {@code file}. */
    static void assertNamesFile(Exception refusal, Path file) {
        String message = refusal.getMessage();
        assertNotNull(message, () -> refusal.getClass().getName() + " without a message");
        assertTrue(
                message.contains(file.getFileName().toString()),
                () -> "expected the message to name " + file.getFileName() + ", found: " + message);
    }
}
