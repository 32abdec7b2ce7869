package dev.netc.spec.diag;

/** How serious a diagnostic is; an error stops code generation for its spec. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    /** The word javac prints, for example {@code error}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
