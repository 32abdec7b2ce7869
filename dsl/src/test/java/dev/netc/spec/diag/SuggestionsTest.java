package dev.netc.spec.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("activation", "units", "inputs", "init", "name");

    @Test
    void suggestsTheNearestCandidateWithinAThirdOfTheLength() {
        assertEquals(Optional.of("activation"), Suggestions.closest("activaton", KEYS));
        assertEquals(Optional.of("units"), Suggestions.closest("unist", KEYS)); // a swap counts as one edit
        assertEquals(Optional.of("inputs"), Suggestions.closest("INPUTS", KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("dropout", KEYS));
    }

    @Test
    void breaksTiesAlphabetically() {
        assertEquals(Optional.of("inia"), Suggestions.closest("inix", List.of("init", "inia")));
        assertEquals(Optional.of("aa"), Suggestions.closest("ab", List.of("bb", "aa")));
    }

    @Test
    void listsTheCandidatesWhenNoneIsClose() {
        assertEquals("did you mean 'activation'?", Suggestions.didYouMean("activaton", KEYS));
        assertEquals("expected one of activation, units, inputs, init, name", Suggestions.didYouMean("zzz", KEYS));
    }

    @Test
    void measuresOptimalStringAlignmentDistance() {
        assertEquals(0, Suggestions.distance("relu", "relu"));
        assertEquals(1, Suggestions.distance("relu", "rleu"));
        assertEquals(1, Suggestions.distance("relu", "reluu"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(3, Suggestions.distance("ca", "abc")); // 2 with unrestricted transpositions; OSA edits once
    }
}
