package dev.netc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of {@code netc}: its exit status and what it wrote to standard output and standard error.
 *
 * @param exitCode the status {@code netc} would exit with
 * @param out what it printed to standard output
 * @param err what it printed to standard error
 */
record NetcRun(int exitCode, String out, String err) {

    /** Runs {@code netc args} in this JVM with captured streams. */
    static NetcRun netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new NetcRun(exitCode, out.toString(), err.toString());
    }

    /** Standard output, line by line. */
    List<String> outLines() {
        return out.lines().toList();
    }

    /** Standard error, line by line. */
    List<String> errLines() {
        return err.lines().toList();
    }

    /** Everything, for assertion messages. */
    String describe() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
