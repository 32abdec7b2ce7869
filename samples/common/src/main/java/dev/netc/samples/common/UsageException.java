package dev.netc.samples.common;

/**
 * A sample program's command line is wrong: an unknown option, a missing value, a value of the wrong form. The message
 * says what was expected and what was found; {@link SampleMain} prints it with the usage and exits with 2.
 */
public final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
