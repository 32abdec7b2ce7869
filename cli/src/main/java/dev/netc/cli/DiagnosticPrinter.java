package dev.netc.cli;

import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.SourcePosition;
import java.io.PrintWriter;

/**
 * Prints diagnostics in the shape compilers use, {@code path:line:column: error: message [netc:tag]}, one per line,
 * so editors and CI annotators can jump to the place. A diagnostic about a file as a whole (no position inside it)
 * is printed as {@code path: error: message}.
 */
final class DiagnosticPrinter {

    private final PrintWriter err;

    DiagnosticPrinter(PrintWriter err) {
        this.err = err;
    }

    /** Prints {@code diagnostic}, which was found while checking the file the user typed as {@code displayPath}. */
    void print(String displayPath, Diagnostic diagnostic) {
        if (diagnostic.at() instanceof SourcePosition.None) {
            err.println(displayPath + ": " + diagnostic.severity().label() + ": " + diagnostic.messageWithTag());
        } else {
            err.println(diagnostic.format());
        }
    }
}
