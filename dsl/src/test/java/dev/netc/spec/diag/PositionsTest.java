package dev.netc.spec.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PositionsTest {

    private static final FilePosition NODE = new FilePosition("net.yaml", 4, 5);
    private static final FilePosition INPUTS = new FilePosition("net.yaml", 4, 20);
    private static final FilePosition SECOND = new FilePosition("net.yaml", 4, 28);

    private static final Positions POSITIONS =
            Positions.of(NODE).with("inputs", INPUTS).with("inputs.1", SECOND);

    @Test
    void findsAnAttributeOrFallsBackToItsParentThenTheNode() {
        assertEquals(SECOND, POSITIONS.of("inputs.1"));
        assertEquals(INPUTS, POSITIONS.of("inputs.0"));
        assertEquals(INPUTS, POSITIONS.of("inputs"));
        assertEquals(NODE, POSITIONS.of("units"));
        assertEquals(NODE, POSITIONS.node());
        assertEquals(SourcePosition.NONE, Positions.NONE.of("anything.3"));
    }

    @Test
    void tellsWrittenAttributesFromDefaultedOnes() {
        assertTrue(POSITIONS.has("inputs.1"));
        assertFalse(POSITIONS.has("inputs.0"));
        assertFalse(POSITIONS.has("units"));
    }

    @Test
    void addingAnAttributeLeavesTheOriginalUnchanged() {
        Positions more = POSITIONS.with("units", SECOND);
        assertEquals(NODE, POSITIONS.of("units"));
        assertEquals(SECOND, more.of("units"));
        assertThrows(NullPointerException.class, () -> POSITIONS.with("units", null));
    }

    @Test
    void allPositionsAreEqualSoSpecsCompareByMeaning() {
        assertEquals(Positions.NONE, POSITIONS);
        assertEquals(Positions.NONE.hashCode(), POSITIONS.hashCode());
        assertEquals("net.yaml:4:5", POSITIONS.toString());
    }
}
