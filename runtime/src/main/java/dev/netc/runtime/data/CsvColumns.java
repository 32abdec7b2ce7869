package dev.netc.runtime.data;

import dev.netc.spec.diag.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of one CSV file: their names (from the header, if any), and the builder's column references resolved
 * to indices, with the errors that depend on the file: an unknown name, an index beyond the last column, a duplicate
 * header name, a column chosen twice.
 */
final class CsvColumns {

    private final Path file;
    private final List<String> names;
    private final int count;
    private final int[] features;
    private final int label;

    private CsvColumns(Path file, List<String> names, int count, int[] features, int label) {
        this.file = file;
        this.names = names;
        this.count = count;
        this.features = features;
        this.label = label;
    }

    /**
     * Resolves {@code format}'s columns.
     *
     * @param names the header's names, or an empty list when the file has no header
     * @param count the number of columns
     * @param line the line that defines the columns (the header, or the first row), for messages
     */
    static CsvColumns resolve(Path file, List<String> names, int count, long line, CsvDataset format) {
        String where = "line " + line;
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer previous = byName.putIfAbsent(names.get(i), i);
            if (previous != null && !names.get(i).isEmpty()) {
                throw DataException.at(
                        file,
                        where,
                        String.format(
                                Locale.ROOT,
                                "expected unique column names, found '%s' twice (indexes %d and %d)",
                                names.get(i),
                                previous,
                                i));
            }
        }
        CsvColumns partial = new CsvColumns(file, names, count, new int[0], -1);
        int label = format.labelColumn == null ? -1 : partial.index(format.labelColumn, byName, where);
        int[] features;
        if (format.featureColumns.isEmpty()) {
            features = new int[count - (label < 0 ? 0 : 1)];
            int next = 0;
            for (int i = 0; i < count; i++) {
                if (i != label) {
                    features[next++] = i;
                }
            }
        } else {
            features = new int[format.featureColumns.size()];
            for (int i = 0; i < features.length; i++) {
                features[i] = partial.index(format.featureColumns.get(i), byName, where);
                for (int j = 0; j < i; j++) {
                    if (features[j] == features[i]) {
                        throw DataException.at(
                                file, where, partial.describe(features[i]) + " is chosen twice as a feature");
                    }
                }
                if (features[i] == label) {
                    throw DataException.at(file, where, partial.describe(label) + " is both a feature and the label");
                }
            }
        }
        if (features.length == 0) {
            throw DataException.at(file, where, "expected at least one feature column, found none");
        }
        return new CsvColumns(file, names, count, features, label);
    }

    /** The number of fields every row has. */
    int count() {
        return count;
    }

    /** The feature columns' indices, in feature order. */
    int[] features() {
        return features.clone();
    }

    /** The label column's index, or -1 when there is none. */
    int label() {
        return label;
    }

    /** The feature columns' names, or an empty list without a header. */
    List<String> featureNames() {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>(features.length);
        for (int feature : features) {
            result.add(names.get(feature));
        }
        return result;
    }

    /** A column for messages: {@code column 'sepal_width' (index 1)}, or {@code column index 1} without a header. */
    String describe(int column) {
        return names.isEmpty() || names.get(column).isEmpty()
                ? "column index " + column
                : "column '" + names.get(column) + "' (index " + column + ")";
    }

    private int index(ColumnRef column, Map<String, Integer> byName, String where) {
        if (column.byName()) {
            Integer index = byName.get(column.name());
            if (index == null) {
                throw DataException.at(
                        file,
                        where,
                        "no column named '" + column.name() + "'; " + Suggestions.didYouMean(column.name(), names));
            }
            return index;
        }
        if (column.index() >= count) {
            throw DataException.at(
                    file,
                    where,
                    String.format(
                            Locale.ROOT,
                            "expected a column index from 0 to %d (the file has %d columns), found %d",
                            count - 1,
                            count,
                            column.index()));
        }
        return column.index();
    }
}
