package dev.netc.runtime.data;

import java.util.Objects;

/** A CSV column as a builder named it: by header name, or by 0-based index when {@code name} is null. */
record ColumnRef(String name, int index) {

    static ColumnRef named(String name) {
        return new ColumnRef(Objects.requireNonNull(name, "column name"), -1);
    }

    static ColumnRef at(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column index: expected 0 or more, found " + index);
        }
        return new ColumnRef(null, index);
    }

    boolean byName() {
        return name != null;
    }
}
