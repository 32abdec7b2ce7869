package dev.netc.cli;

import picocli.CommandLine;

/** Entry point of the {@code netc} command line; {@code bin/netc} and the runnable jar start here. */
public final class Main {

    private Main() {}

    /** Runs {@code netc} with {@code args} and exits with its status: 0 success, 1 errors found, 2 usage error. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The {@code netc} command with its subcommands, writing to the standard streams. Tests replace the streams with
     * {@link CommandLine#setOut} and {@link CommandLine#setErr} and call {@link CommandLine#execute} in-process.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new NetcCommand());
    }
}
