package dev.netc.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.spec.diag.FilePosition;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.Mark;

/** Positions are 1-based, from SnakeYAML's 0-based marks and from code point indexes alike. */
class LocatorTest {

    private final Locator locator = new Locator("specs/a.yaml");

    @Test
    void marksAreShiftedToOneBased() {
        Mark mark = new Mark("a", 40, 4, 7, new int[0], 0);

        assertEquals(new FilePosition("specs/a.yaml", 5, 8), locator.at(mark));
        assertEquals(new FilePosition("specs/a.yaml", 1, 1), locator.start());
    }

    @Test
    void codePointIndexesCountLinesAsSnakeYamlDoes() {
        String text = "ab\ncd\r\nef\rgh\u2028i\uD83D\uDE00j";

        assertEquals("specs/a.yaml:1:2", locator.atCodePoint(text, 1).describe());
        assertEquals("specs/a.yaml:2:1", locator.atCodePoint(text, 3).describe());
        assertEquals("specs/a.yaml:3:1", locator.atCodePoint(text, 7).describe()); // after CR LF
        assertEquals("specs/a.yaml:4:1", locator.atCodePoint(text, 10).describe()); // after a lone CR
        assertEquals("specs/a.yaml:5:1", locator.atCodePoint(text, 13).describe()); // after LINE SEPARATOR
        assertEquals("specs/a.yaml:5:3", locator.atCodePoint(text, 15).describe()); // an emoji is one column
    }

    @Test
    void aByteOrderMarkTakesNoColumn() {
        assertEquals("specs/a.yaml:1:2", locator.atCodePoint("\uFEFFab", 2).describe());
    }
}
