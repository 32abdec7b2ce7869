package dev.netc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a page's output block is compared with what a command printed. */
class ExpectedOutputTest {

    @Test
    void wordsMustMatchAndNumbersBeWithinTheTolerance() {
        assertTrue(ExpectedOutput.sameLine("accuracy: 0.9556", "accuracy: 0.9556"));
        assertTrue(ExpectedOutput.sameLine("loss: 0.1985", "loss: 0.1990"));
        assertTrue(ExpectedOutput.sameLine("5.248391E-10,0.0018216859", "4.9E-10,0.0018"));
        assertFalse(ExpectedOutput.sameLine("loss: 0.1985", "loss: 0.2185"), "a number off by 0.02");
        assertFalse(ExpectedOutput.sameLine("accuracy: 0.9556", "accuracy 0.9556"), "another word");
        assertFalse(ExpectedOutput.sameLine("VIRGINICA", "VERSICOLOR"));
        assertFalse(ExpectedOutput.sameLine("1 spec checked", "1 2 spec checked"), "another count of numbers");
    }

    @Test
    void comparesEveryLineOrWithAnEllipsisTheLastOnes() {
        assertEquals(2, ExpectedOutput.assertMatches("a 1\nb 2\n", "a 1\nb 2\n\n", "block"));
        assertEquals(2, ExpectedOutput.assertMatches("...\nb 2\nc 3\n", "a 1\nb 2\nc 3\n", "block"));

        AssertionError extra =
                assertThrows(AssertionError.class, () -> ExpectedOutput.assertMatches("b 2\n", "a 1\nb 2\n", "block"));
        assertTrue(extra.getMessage().startsWith("block: expected 1 lines, found 2 lines"), extra.getMessage());
        AssertionError differs = assertThrows(
                AssertionError.class, () -> ExpectedOutput.assertMatches("...\nb 2\n", "a 1\nb 5\n", "block"));
        assertTrue(differs.getMessage().startsWith("block: expected 'b 2', found 'b 5'"), differs.getMessage());
        assertThrows(AssertionError.class, () -> ExpectedOutput.assertMatches("...\n", "a 1\n", "block"));
    }
}
