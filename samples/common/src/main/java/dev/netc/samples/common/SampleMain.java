package dev.netc.samples.common;

import dev.netc.runtime.data.DataException;
import java.io.IOException;
import java.util.Map;

/**
 * What every sample's {@code main} does around its own work: headless drawing, the options read (a wrong command line
 * prints the problem and the usage, and exits with 2), and the expected failures (data that cannot be read, pictures
 * that cannot be written) printed as one line naming the program, exiting with 1, instead of a stack trace.
 */
public final class SampleMain {

    private SampleMain() {}

    /** A sample's work, given its options. */
    @FunctionalInterface
    public interface Body {
        void run(SampleOptions options) throws IOException;
    }

    /**
     * Runs {@code body} with the options {@code args} gives, {@code defaults} declaring them.
     *
     * @param program the program's name for messages, e.g. {@code iris}
     */
    public static void run(String program, String[] args, Map<String, String> defaults, Body body) {
        System.setProperty("java.awt.headless", "true");
        try {
            body.run(SampleOptions.parse(args, defaults));
        } catch (UsageException e) {
            System.err.println(program + ": " + e.getMessage());
            System.err.println(SampleOptions.usage(program, defaults));
            System.exit(2);
        } catch (IOException | DataException e) {
            System.err.println(program + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
