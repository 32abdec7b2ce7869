package dev.netc.spec.diag;

import java.util.Objects;

/**
 * One message about a spec: what was expected and what was found, and where.
 *
 * @param severity how serious it is
 * @param code the catalogue entry it comes from
 * @param message the full message, without position or tag
 * @param at where the offending text is
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String message, SourcePosition at) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }

    /** An error built from the code's template. */
    public static Diagnostic error(DiagnosticCode code, SourcePosition at, Object... arguments) {
        return new Diagnostic(Severity.ERROR, code, code.format(arguments), at);
    }

    /** The message followed by its tag, as javac shows it: {@code unknown key 'x' ... [netc:unknown-key]}. */
    public String messageWithTag() {
        return message + " [netc:" + code.tag() + "]";
    }

    /**
     * The line a command-line tool prints, in the shape compilers use: {@code path:line:column: error: message
     * [netc:tag]}.
     */
    public String format() {
        return at.describe() + ": " + severity.label() + ": " + messageWithTag();
    }
}
