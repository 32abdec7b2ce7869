package dev.netc.yaml;

import dev.netc.spec.diag.FilePosition;
import dev.netc.spec.diag.Positions;
import java.util.Optional;

/**
 * A value read from a spec, with where its text is.
 *
 * @param value the value
 * @param at where it was written
 */
record Located<T>(T value, FilePosition at) {

    /** {@code positions} with where {@code key}'s value was written, when it was. */
    static Positions record(Positions positions, String key, Optional<? extends Located<?>> value) {
        return value.map(written -> positions.with(key, written.at())).orElse(positions);
    }
}
