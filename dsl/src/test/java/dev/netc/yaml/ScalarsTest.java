package dev.netc.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** netc's scalar grammar, value by value. */
class ScalarsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "9", "10", "784", "2147483647", "99999999999999999999"})
    void positiveIntegersAreDecimalWithoutALeadingZero(String text) {
        assertTrue(Scalars.isPositiveInteger(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "0", "00", "010", "-1", "+1", "1_0", "1:30", "0x10", "0o7", "8.0", "1e3", " 8", "8 ", "٣"})
    void everythingElseIsNotAPositiveInteger(String text) {
        assertFalse(Scalars.isPositiveInteger(text));
    }

    @Test
    void integersAboveIntMaxDoNotFit() {
        assertEquals(OptionalInt.of(Integer.MAX_VALUE), Scalars.toInt("2147483647"));
        assertEquals(OptionalInt.empty(), Scalars.toInt("2147483648"));
        assertEquals(OptionalInt.empty(), Scalars.toInt("99999999999999999999"));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "-0.0, -0.0", "0.01, 0.01", "-3, -3", "1e-8, 1e-8", "2.5E+2, 250", "1e308, 1e308", "12.50, 12.5"
    })
    void numbersAreFiniteDecimals(String text, double value) {
        assertEquals(OptionalDouble.of(value), Scalars.number(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {".5", "5.", "+1", "01", "1_000", "0x1p3", ".nan", ".inf", "NaN", "Infinity", "1e999", "1e", ""})
    void everythingElseIsNotANumber(String text) {
        assertEquals(OptionalDouble.empty(), Scalars.number(text));
    }

    @Test
    void booleansAreExactlyTrueAndFalse() {
        assertEquals(Optional.of(true), Scalars.bool("true"));
        assertEquals(Optional.of(false), Scalars.bool("false"));
        for (String other : new String[] {"True", "TRUE", "yes", "no", "on", "off", "y", "n", "1", "0", ""}) {
            assertEquals(Optional.empty(), Scalars.bool(other), other);
        }
    }

    @Test
    void messagesShowQuotingAndEscapeControlCharacters() {
        assertEquals("8", Scalars.shown(scalar("8", ScalarStyle.PLAIN)));
        assertEquals("\"8\"", Scalars.shown(scalar("8", ScalarStyle.SINGLE_QUOTED)));
        assertEquals("a\\tb\\nc\\u0001", Scalars.shown("a\tb\nc\u0001"));
        assertEquals("x".repeat(40) + "...", Scalars.shown("x".repeat(41)));
        assertEquals("\uD83D\uDE00".repeat(40), Scalars.shown("\uD83D\uDE00".repeat(40)));
    }

    @Test
    void onlyAnEmptyPlainScalarIsNothing() {
        assertTrue(Scalars.isNothing(scalar("", ScalarStyle.PLAIN)));
        assertFalse(Scalars.isNothing(scalar("", ScalarStyle.DOUBLE_QUOTED)));
        assertFalse(Scalars.isNothing(scalar("~", ScalarStyle.PLAIN)));
    }

    private static ScalarNode scalar(String value, ScalarStyle style) {
        return new ScalarNode(Tag.STR, value, null, null, style);
    }
}
