package dev.netc.spec.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiagnosticTest {

    private static final FilePosition AT = new FilePosition("specs/iris.yaml", 7, 5);

    @Test
    void formatsLikeACompilerMessage() {
        Diagnostic diagnostic = Diagnostic.error(DiagnosticCode.CYCLE, AT, "a -> b -> a");
        assertEquals("specs/iris.yaml:7:5: error: layers form a cycle: a -> b -> a [netc:cycle]", diagnostic.format());
        assertEquals("layers form a cycle: a -> b -> a [netc:cycle]", diagnostic.messageWithTag());
    }

    @Test
    void describesSpecsWithoutSource() {
        assertEquals(
                "<no source>: error: network has no layers; expected at least one dense layer [netc:no-layers]",
                Diagnostic.error(DiagnosticCode.NO_LAYERS, SourcePosition.NONE).format());
    }

    @Test
    void isCleanUntilAnErrorIsReported() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.add(new Diagnostic(Severity.WARNING, DiagnosticCode.NO_LAYERS, "just a warning", AT));
        assertTrue(diagnostics.isClean());
        diagnostics.error(DiagnosticCode.CYCLE, AT, "a -> a");
        assertFalse(diagnostics.isClean());
        assertEquals(2, diagnostics.all().size());
        assertEquals(
                "specs/iris.yaml:7:5: warning: just a warning [netc:no-layers]\n"
                        + "specs/iris.yaml:7:5: error: layers form a cycle: a -> a [netc:cycle]\n",
                diagnostics.toString());
        assertThrows(
                UnsupportedOperationException.class, () -> diagnostics.all().clear());
    }

    @Test
    void filePositionsAreOneBased() {
        assertThrows(IllegalArgumentException.class, () -> new FilePosition("f", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new FilePosition("f", 1, 0));
        assertEquals("f:1:1", new FilePosition("f", 1, 1).describe());
    }

    @Test
    void formatsNumbersTheSameInEveryLocale() {
        assertEquals(
                "network has 300000000 parameters; the limit is 268435456",
                DiagnosticCode.TOO_MANY_PARAMETERS.format(300_000_000L, 268_435_456L));
    }
}
