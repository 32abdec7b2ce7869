package dev.netc.yaml;

import dev.netc.spec.diag.FilePosition;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Optional;

/**
 * Names read from a spec ({@code inputs}, {@code classes}, feature names), with where the whole value and each name
 * were written.
 *
 * @param at where the value (a list, or a single name) starts
 * @param items the names in order
 */
record Names(FilePosition at, List<Located<String>> items) {

    Names {
        items = List.copyOf(items);
    }

    /** The names alone. */
    List<String> values() {
        return items.stream().map(Located::value).toList();
    }

    /** {@code positions} with {@code key} and {@code key.i} recorded for each name, when names were written. */
    static Positions record(Positions positions, String key, Optional<Names> names) {
        return names.map(written -> written.recordIn(positions, key)).orElse(positions);
    }

    /** {@code positions} with {@code key} and {@code key.i} for each name recorded. */
    Positions recordIn(Positions positions, String key) {
        Positions recorded = positions.with(key, at);
        for (int i = 0; i < items.size(); i++) {
            recorded = recorded.with(key + "." + i, items.get(i).at());
        }
        return recorded;
    }
}
