package dev.netc.runtime.data;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class names of a label column and their indices. Either fixed in advance (a saved vocabulary: names outside it
 * are errors) or collected from the data and then put in a stable order, the same whatever the order of the rows: by
 * numeric value when every name is a whole number ({@code 2} before {@code 10}), otherwise by {@link
 * String#compareTo} (Unicode code units, so {@code Setosa} sorts before {@code setosa}).
 */
final class ClassVocabulary {

    /** Class indices are stored in floats, exact up to 2^24. */
    static final int MAX_CLASSES = 1 << 24;

    private static final Comparator<String> BY_NUMBER = Comparator.comparing(BigInteger::new);

    private final List<String> fixed;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> seen = new ArrayList<>();

    private ClassVocabulary(List<String> fixed) {
        this.fixed = fixed;
        if (fixed != null) {
            for (String name : fixed) {
                ids.put(name, ids.size());
            }
        }
    }

    /** A vocabulary collected from the data. */
    static ClassVocabulary collecting() {
        return new ClassVocabulary(null);
    }

    /** The vocabulary {@code names}, in that order. */
    static ClassVocabulary fixed(List<String> names) {
        return new ClassVocabulary(List.copyOf(names));
    }

    /**
     * The provisional id of {@code name}: its final index for a fixed vocabulary, otherwise the order of first
     * appearance (see {@link #finalIndices()}). -1 if the vocabulary is fixed and does not have it.
     *
     * @throws DataException (without a place; the caller adds it) if a collected vocabulary grows too large
     */
    int id(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (fixed != null) {
            return -1;
        }
        if (seen.size() == MAX_CLASSES) {
            throw new DataException("expected at most " + MAX_CLASSES + " distinct classes, found more");
        }
        ids.put(name, seen.size());
        seen.add(name);
        return seen.size() - 1;
    }

    /** The class names, index {@code i} naming class {@code i}. */
    List<String> names() {
        if (fixed != null) {
            return fixed;
        }
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(seen.stream().allMatch(ClassVocabulary::isWholeNumber) ? BY_NUMBER.thenComparing(s -> s) : null);
        return List.copyOf(sorted);
    }

    /** For each provisional id, the final class index. */
    int[] finalIndices() {
        List<String> names = names();
        int[] indices = new int[ids.size()];
        for (int index = 0; index < names.size(); index++) {
            indices[ids.get(names.get(index))] = index;
        }
        return indices;
    }

    private static boolean isWholeNumber(String name) {
        int start = name.startsWith("-") || name.startsWith("+") ? 1 : 0;
        if (start == name.length()) {
            return false;
        }
        for (int i = start; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
