package dev.netc.cli;

import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.Diagnostics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netc check FILE...}: reads and validates YAML specs without generating code, for editors, pre-commit hooks
 * and CI. Every file is checked even after one fails, so one run shows every mistake.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = NetcVersion.class,
        description = {
            "Reads each YAML spec and validates it, without generating code.",
            "Each problem goes to standard error as",
            "  path:line:column: error: message [netc:tag]",
            "and a one-line summary to standard output."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every spec is valid.",
            "1:A spec has errors, or a file could not be read.",
            "2:Usage error: unknown option, no FILE."
        })
final class CheckCommand implements Callable<Integer> {

    /** The exit status when a spec has errors or cannot be read. */
    static final int ERRORS_FOUND = 1;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML spec files to check.")
    private List<String> files;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only the diagnostics, no summary.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        DiagnosticPrinter printer = new DiagnosticPrinter(spec.commandLine().getErr());
        int failed = 0;
        for (String file : files) {
            if (!check(file, printer)) {
                failed++;
            }
        }
        spec.commandLine().getErr().flush();
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(summary(files.size(), failed));
            out.flush();
        }
        return failed == 0 ? 0 : ERRORS_FOUND;
    }

    /** Checks one file as the user typed it and prints its diagnostics; true when it is valid. */
    private static boolean check(String typed, DiagnosticPrinter printer) {
        Diagnostics diagnostics = SpecCheck.check(typed);
        for (Diagnostic diagnostic : diagnostics.all()) {
            printer.print(typed, diagnostic);
        }
        return diagnostics.isClean();
    }

    /** For example {@code 2 specs checked, 1 with errors} or {@code 1 spec checked, no errors}. */
    static String summary(int checked, int failed) {
        return String.format(
                Locale.ROOT,
                "%d spec%s checked, %s",
                checked,
                checked == 1 ? "" : "s",
                failed == 0 ? "no errors" : failed + " with errors");
    }
}
