package dev.netc.spec.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the diagnostics of one spec. Readers and rules report into it and carry on, so a user sees every mistake
 * of a spec at once; code is generated only when {@link #isClean()}.
 */
public final class Diagnostics {

    private final List<Diagnostic> reported = new ArrayList<>();

    /** Records an error built from the code's template. */
    public void error(DiagnosticCode code, SourcePosition at, Object... arguments) {
        add(Diagnostic.error(code, at, arguments));
    }

    /** Records a diagnostic. */
    public void add(Diagnostic diagnostic) {
        reported.add(diagnostic);
    }

    /** Whether no error has been reported. */
    public boolean isClean() {
        return reported.stream().noneMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Every diagnostic, in the order reported. */
    public List<Diagnostic> all() {
        return Collections.unmodifiableList(reported);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Diagnostic diagnostic : reported) {
            text.append(diagnostic.format()).append('\n');
        }
        return text.toString();
    }
}
