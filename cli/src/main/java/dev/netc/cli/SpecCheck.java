package dev.netc.cli;

import dev.netc.check.SpecValidator;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.SourcePosition;
import dev.netc.yaml.YamlSpecReader;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one YAML spec and validates it, collecting every diagnostic. An exception thrown by the reader or the
 * validator is a netc bug: it becomes an {@link DiagnosticCode#INTERNAL_ERROR} diagnostic, so the other files on the
 * command line are still checked and the user sees a bug-report hint instead of a crash.
 */
final class SpecCheck {

    /** Stack frames printed per exception in an internal error. */
    static final int FRAMES_SHOWN = 8;

    /** Causes printed below the exception in an internal error. */
    private static final int CAUSES_SHOWN = 4;

    private SpecCheck() {}

    /**
     * Reads and validates the file the user typed as {@code typed}; diagnostics name it so. A missing or unreadable
     * file is the reader's {@link DiagnosticCode#SPEC_UNREADABLE}; so is a name that is not a path at all.
     */
    static Diagnostics check(String typed) {
        Diagnostics diagnostics = new Diagnostics();
        read(typed, diagnostics);
        return diagnostics;
    }

    /**
     * Reads and validates the file the user typed as {@code typed}, reporting into {@code diagnostics}.
     *
     * @return the checked network, or empty when an error was reported
     */
    static Optional<CheckedNetwork> read(String typed, Diagnostics diagnostics) {
        Path file;
        try {
            file = Path.of(typed);
        } catch (InvalidPathException e) {
            diagnostics.error(
                    DiagnosticCode.SPEC_UNREADABLE, SourcePosition.NONE, "not a valid path: " + e.getReason());
            return Optional.empty();
        }
        List<CheckedNetwork> checked = new ArrayList<>(1);
        guarded(typed, diagnostics, () -> YamlSpecReader.read(file, typed, diagnostics)
                .flatMap(spec -> SpecValidator.validate(spec, diagnostics))
                .ifPresent(checked::add));
        return checked.stream().findFirst();
    }

    /**
     * Reads and validates the spec the user typed as {@code typed}, printing its diagnostics to {@code err}.
     *
     * @return the checked network, or empty when the spec has errors (they are printed)
     */
    static Optional<CheckedNetwork> readPrinting(String typed, PrintWriter err) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<CheckedNetwork> checked = read(typed, diagnostics);
        DiagnosticPrinter printer = new DiagnosticPrinter(err);
        for (Diagnostic diagnostic : diagnostics.all()) {
            printer.print(typed, diagnostic);
        }
        err.flush();
        return checked;
    }

    /** Runs {@code step}; a {@link RuntimeException} from it is reported as an internal error about the file. */
    static void guarded(String displayPath, Diagnostics diagnostics, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            diagnostics.error(DiagnosticCode.INTERNAL_ERROR, SourcePosition.NONE, displayPath, trace(e, CAUSES_SHOWN));
        }
    }

    /**
     * The exception, its first frames and its causes: enough for a bug report, without the dozens of frames of the
     * command-line framework below netc.
     */
    static String trace(Throwable e, int causesLeft) {
        StringBuilder text = new StringBuilder(e.toString());
        StackTraceElement[] frames = e.getStackTrace();
        int shown = Math.min(frames.length, FRAMES_SHOWN);
        for (int i = 0; i < shown; i++) {
            text.append("\n\tat ").append(frames[i]);
        }
        if (frames.length > shown) {
            text.append("\n\t... ").append(frames.length - shown).append(" more");
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e && causesLeft > 0) {
            text.append("\nCaused by: ").append(trace(cause, causesLeft - 1));
        }
        return text.toString();
    }
}
