package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetcCommandTest {

    @Test
    void noCommandIsAUsageErrorListingTheCommands() {
        NetcRun run = NetcRun.netc();

        assertEquals(2, run.exitCode(), run::describe);
        assertEquals("", run.out(), run::describe);
        assertEquals("Missing required command", run.errLines().get(0), run::describe);
        assertTrue(run.err().contains("Usage: netc [-hV] COMMAND"), run::describe);
        assertTrue(run.err().contains("  check "), run::describe);
    }

    @Test
    void unknownCommandIsAUsageError() {
        NetcRun run = NetcRun.netc("chek", "spec.yaml");

        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.err().startsWith("Unmatched arguments from index 0: 'chek', 'spec.yaml'"), run::describe);
        assertTrue(run.err().contains("Did you mean: netc check"), run::describe);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        NetcRun run = NetcRun.netc("--help");

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals("", run.err(), run::describe);
        assertTrue(run.out().startsWith("Usage: netc [-hV] COMMAND"), run::describe);
        assertTrue(run.out().contains("  check "), run::describe);
        assertTrue(run.out().contains("  help "), run::describe);
        assertTrue(run.out().contains("Exit codes:"), run::describe);
    }

    @Test
    void helpCommandShowsTheHelpOfACommand() {
        NetcRun run = NetcRun.netc("help", "check");

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().startsWith("Usage: netc check [-hqV] FILE..."), run::describe);
    }

    @Test
    void versionNamesTheBuiltVersionAndTheJvm() {
        NetcRun run = NetcRun.netc("--version");

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(2, run.outLines().size(), run::describe);
        assertTrue(run.outLines().get(0).matches("netc \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), run::describe);
        assertTrue(
                run.outLines().get(1).startsWith("Java " + System.getProperty("java.version") + " ("), run::describe);
    }
}
