package dev.netc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void explainsWhyCharactersDoNotFormAnIdentifier() {
        assertEquals(Optional.of("it is empty"), JavaNames.characterProblem(""));
        assertEquals(Optional.of("it cannot start with '3'"), JavaNames.characterProblem("3d"));
        assertEquals(Optional.of("'-' cannot appear in it"), JavaNames.characterProblem("a-b"));
        assertEquals(Optional.of("U+0020 cannot appear in it"), JavaNames.characterProblem("a b"));
        assertEquals(Optional.of("U+0007 cannot appear in it"), JavaNames.characterProblem("a\u0007"));
        assertEquals(Optional.of("it cannot start with U+200B"), JavaNames.characterProblem("\u200Bx"));
    }

    @Test
    void acceptsUnicodeLettersDigitsDollarsAndUnderscores() {
        for (String name : new String[] {"x", "_x", "$x", "couche2", "Ébauche", "层", "\uD835\uDC00bold"}) {
            assertEquals(Optional.empty(), JavaNames.characterProblem(name), name);
        }
    }

    @Test
    void namesTheKindOfReservedWord() {
        assertEquals(Optional.of("a Java keyword"), JavaNames.reservedWord("goto"));
        assertEquals(Optional.of("a Java keyword"), JavaNames.reservedWord("_"));
        assertEquals(Optional.of("a Java literal"), JavaNames.reservedWord("null"));
        assertEquals(Optional.of("a restricted Java identifier"), JavaNames.reservedWord("sealed"));
        assertEquals(Optional.empty(), JavaNames.reservedWord("module"));
        assertEquals(Optional.empty(), JavaNames.reservedWord("Class"));
    }

    @Test
    void acceptsPackagesOfIdentifiersIncludingRestrictedOnes() {
        assertTrue(JavaNames.isPackageName(""));
        assertTrue(JavaNames.isPackageName("dev.netc.record"));
        assertFalse(JavaNames.isPackageName("dev.netc."));
        assertFalse(JavaNames.isPackageName("dev.int"));
        assertFalse(JavaNames.isPackageName("dev.null"));
        assertFalse(JavaNames.isPackageName("dev.1x"));
    }
}
