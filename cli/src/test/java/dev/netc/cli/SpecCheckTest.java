package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.FilePosition;
import dev.netc.spec.diag.SourcePosition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecCheckTest {

    @Test
    void exceptionFromTheLibraryBecomesAnInternalErrorAboutTheFile() {
        Diagnostics diagnostics = new Diagnostics();

        SpecCheck.guarded("specs/a.yaml", diagnostics, () -> {
            throw new IllegalStateException("boom");
        });

        assertFalse(diagnostics.isClean());
        assertEquals(1, diagnostics.all().size());
        Diagnostic internal = diagnostics.all().get(0);
        assertSame(DiagnosticCode.INTERNAL_ERROR, internal.code());
        assertSame(SourcePosition.NONE, internal.at());
        assertTrue(
                internal.message()
                        .startsWith("netc internal error while processing specs/a.yaml (please report): "
                                + "java.lang.IllegalStateException: boom\n\tat "),
                internal.message());
    }

    @Test
    void nameThatIsNotAPathIsUnreadable() {
        Diagnostics diagnostics = SpecCheck.check("bad\0name.yaml");

        assertEquals(1, diagnostics.all().size());
        Diagnostic unreadable = diagnostics.all().get(0);
        assertSame(DiagnosticCode.SPEC_UNREADABLE, unreadable.code());
        assertSame(SourcePosition.NONE, unreadable.at());
        assertTrue(unreadable.message().startsWith("cannot read the spec: not a valid path: "), unreadable.message());
    }

    @Test
    void traceShowsTheFirstFramesAndTheCauses() {
        IllegalStateException cause = new IllegalStateException("inner");
        cause.setStackTrace(frames(2));
        RuntimeException outer = new RuntimeException("outer", cause);
        outer.setStackTrace(frames(SpecCheck.FRAMES_SHOWN + 3));

        String trace = SpecCheck.trace(outer, 4);

        List<String> expected = new ArrayList<>();
        expected.add("java.lang.RuntimeException: outer");
        for (int i = 0; i < SpecCheck.FRAMES_SHOWN; i++) {
            expected.add("\tat dev.netc.Fake.method" + i + "(Fake.java:" + (i + 1) + ")");
        }
        expected.add("\t... 3 more");
        expected.add("Caused by: java.lang.IllegalStateException: inner");
        expected.add("\tat dev.netc.Fake.method0(Fake.java:1)");
        expected.add("\tat dev.netc.Fake.method1(Fake.java:2)");
        assertEquals(expected, trace.lines().toList());
    }

    private static StackTraceElement[] frames(int count) {
        StackTraceElement[] frames = new StackTraceElement[count];
        for (int i = 0; i < count; i++) {
            frames[i] = new StackTraceElement("dev.netc.Fake", "method" + i, "Fake.java", i + 1);
        }
        return frames;
    }

    @Test
    void diagnosticsOfAStepThatCompletesAreKeptAsReported() {
        Diagnostics diagnostics = new Diagnostics();
        SourcePosition at = new FilePosition("specs/a.yaml", 3, 5);

        SpecCheck.guarded("specs/a.yaml", diagnostics, () -> diagnostics.error(DiagnosticCode.TOO_DEEP, at, 64));

        assertEquals(List.of(Diagnostic.error(DiagnosticCode.TOO_DEEP, at, 64)), diagnostics.all());
    }

    @Test
    void printerUsesTheDiagnosticsPositionOrElseTheFile() {
        StringWriter err = new StringWriter();
        DiagnosticPrinter printer = new DiagnosticPrinter(new PrintWriter(err, true));

        printer.print("b.yaml", Diagnostic.error(DiagnosticCode.TOO_DEEP, new FilePosition("a.yaml", 3, 5), 64));
        printer.print("b.yaml", Diagnostic.error(DiagnosticCode.SPEC_TOO_LARGE, SourcePosition.NONE, 9, 8));

        assertEquals(
                List.of(
                        "a.yaml:3:5: error: nesting deeper than 64 levels [netc:too-deep]",
                        "b.yaml: error: spec is 9 bytes; the limit is 8 bytes [netc:spec-too-large]"),
                err.toString().lines().toList());
    }
}
