package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@code netc check} in-process on the specs in {@code src/test/resources/specs}. */
class CheckCommandTest {

    /** The specs, relative to the module: the working directory Surefire runs tests in. */
    private static final String SPECS = "src/test/resources/specs/";

    private static final String UNKNOWN_KEY_LINE = SPECS
            + "unknown-key.yaml:6:16: error: unknown key 'activaton' in dense layer 'dense1'; did you mean 'activation'?"
            + " [netc:unknown-key]";

    private static final String SOFTMAX_HIDDEN_LINE = SPECS
            + "softmax-hidden.yaml:6:28: error: softmax is allowed only on the output layer, found on 'dense1'"
            + " [netc:softmax-not-output]";

    private static final String MISSING_LINE =
            SPECS + "missing.yaml:1:1: error: cannot read the spec: no such file [netc:spec-unreadable]";

    @Test
    void validSpecsExitZeroWithNoDiagnostics() {
        NetcRun run = NetcRun.netc("check", SPECS + "iris.yaml", SPECS + "iris-graph.yaml");

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals("", run.err(), run::describe);
        assertEquals(List.of("2 specs checked, no errors"), run.outLines(), run::describe);
    }

    @Test
    void readingErrorIsPrintedAtItsLineAndColumn() {
        NetcRun run = NetcRun.netc("check", SPECS + "unknown-key.yaml");

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(UNKNOWN_KEY_LINE), run.errLines(), run::describe);
        assertEquals(List.of("1 spec checked, 1 with errors"), run.outLines(), run::describe);
    }

    @Test
    void validationErrorIsPrintedAtItsLineAndColumn() {
        NetcRun run = NetcRun.netc("check", SPECS + "softmax-hidden.yaml");

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(SOFTMAX_HIDDEN_LINE), run.errLines(), run::describe);
    }

    @Test
    void diagnosticsNameTheFileAsTyped() {
        String typed = SPECS + "../specs/./unknown-key.yaml";

        NetcRun run = NetcRun.netc("check", typed);

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(1, run.errLines().size(), run::describe);
        assertTrue(run.errLines().get(0).startsWith(typed + ":6:16: error: "), run::describe);
    }

    @Test
    void missingFileIsAnErrorWithAClearMessage() {
        NetcRun run = NetcRun.netc("check", SPECS + "missing.yaml");

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(MISSING_LINE), run.errLines(), run::describe);
        assertEquals(List.of("1 spec checked, 1 with errors"), run.outLines(), run::describe);
    }

    @Test
    void directoryIsAnErrorWithAClearMessage() {
        NetcRun run = NetcRun.netc("check", "src/test/resources/specs");

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(1, run.errLines().size(), run::describe);
        assertTrue(
                run.errLines().get(0).startsWith("src/test/resources/specs:1:1: error: cannot read the spec: "),
                run::describe);
        assertTrue(run.errLines().get(0).endsWith(" [netc:spec-unreadable]"), run::describe);
    }

    @Test
    void everyFileIsCheckedAndEveryProblemPrintedInOrder() {
        NetcRun run = NetcRun.netc(
                "check",
                SPECS + "unknown-key.yaml",
                SPECS + "iris.yaml",
                SPECS + "missing.yaml",
                SPECS + "softmax-hidden.yaml",
                SPECS + "iris-graph.yaml");

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(List.of(UNKNOWN_KEY_LINE, MISSING_LINE, SOFTMAX_HIDDEN_LINE), run.errLines(), run::describe);
        assertEquals(List.of("5 specs checked, 3 with errors"), run.outLines(), run::describe);
    }

    @Test
    void quietPrintsOnlyTheDiagnostics() {
        NetcRun invalid = NetcRun.netc("check", "--quiet", SPECS + "unknown-key.yaml", SPECS + "iris.yaml");
        NetcRun valid = NetcRun.netc("check", "-q", SPECS + "iris.yaml");

        assertEquals(1, invalid.exitCode(), invalid::describe);
        assertEquals("", invalid.out(), invalid::describe);
        assertEquals(List.of(UNKNOWN_KEY_LINE), invalid.errLines(), invalid::describe);
        assertEquals(0, valid.exitCode(), valid::describe);
        assertEquals("", valid.out(), valid::describe);
        assertEquals("", valid.err(), valid::describe);
    }

    @Test
    void noFileIsAUsageError() {
        NetcRun run = NetcRun.netc("check");

        assertEquals(2, run.exitCode(), run::describe);
        assertEquals("", run.out(), run::describe);
        assertEquals("Missing required parameter: 'FILE'", run.errLines().get(0), run::describe);
        assertTrue(run.err().contains("Usage: netc check [-hqV] FILE..."), run::describe);
    }

    @Test
    void unknownOptionIsAUsageError() {
        NetcRun run = NetcRun.netc("check", "--strict", SPECS + "iris.yaml");

        assertEquals(2, run.exitCode(), run::describe);
        assertEquals("Unknown option: '--strict'", run.errLines().get(0), run::describe);
    }

    @Test
    void summaryCountsSpecsAndFailures() {
        assertEquals("1 spec checked, no errors", CheckCommand.summary(1, 0));
        assertEquals("1 spec checked, 1 with errors", CheckCommand.summary(1, 1));
        assertEquals("12 specs checked, 3 with errors", CheckCommand.summary(12, 3));
    }
}
