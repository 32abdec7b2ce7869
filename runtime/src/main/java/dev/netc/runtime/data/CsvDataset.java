package dev.netc.runtime.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a {@link Dataset} from a CSV file (RFC 4180, through Apache Commons CSV), strictly:
 *
 * <pre>{@code
 * CsvDataset format = CsvDataset.builder().classColumn("species").build();
 * Dataset iris = format.read(Path.of("data/iris/iris.csv"));          // 150 samples, 4 features, 3 classes
 * Dataset more = format.withClasses(iris.classNames()).read(other);   // the same class indices
 * }</pre>
 *
 * <p><b>Format.</b> UTF-8 (a byte-order mark is dropped), lines ending in LF or CRLF, fields separated by {@link
 * Builder#separator} (a comma unless set), double quotes around fields that contain the separator, a quote or a line
 * break ({@code ""} is a quote inside them). Blank lines, including a trailing one, are skipped. Spaces and tabs
 * around a number or class name are ignored.
 *
 * <p><b>Columns.</b> With a header (the default) the first line names the columns, and columns can be chosen by name
 * or by 0-based index; names must be unique. The features are the columns given to {@link Builder#featureColumns}, or
 * else every column but the label's. Every row must have as many fields as the header (or, without a header, as the
 * first row).
 *
 * <p><b>Numbers.</b> Decimal only: an optional sign, digits with an optional {@code .} fraction, an optional exponent.
 * {@code 1d}, {@code 0x1p3}, {@code 1,5} and the like are errors (Java's own parser would take the first two). {@code
 * NaN}, infinities and numbers beyond float's range are errors unless a {@link NonFinitePolicy} says otherwise.
 *
 * <p><b>Labels.</b> {@link Builder#classColumn} makes the column's values class names: each distinct name becomes a
 * class, ordered by numeric value when all are whole numbers and otherwise as sorted strings, so the order does not
 * depend on the order of the rows (and not on which classes a shuffled file happens to show first). The order is
 * {@link Dataset#classNames()}, the vocabulary to save with the weights. {@link Builder#classes} fixes the vocabulary
 * instead, which makes unknown names errors. {@link Builder#targetColumn} makes the column a real-valued target.
 *
 * <p><b>Errors.</b> Every problem is a {@link DataException} naming the file, the 1-based line where the record starts,
 * and the column by name and index: {@code iris.csv: line 7, column 'sepal_width' (index 1): expected a decimal
 * number, found "abc"}.
 *
 * <p>Immutable and thread-safe; one format can read any number of files.
 */
public final class CsvDataset {

    final boolean header;
    final char separator;
    final List<ColumnRef> featureColumns;
    final ColumnRef labelColumn;
    final TargetKind labelKind;
    final List<String> classes;
    final NonFinitePolicy nonFinite;

    private CsvDataset(Builder builder) {
        this.header = builder.header;
        this.separator = builder.separator;
        this.featureColumns = builder.featureColumns;
        this.labelColumn = builder.labelColumn;
        this.labelKind = builder.labelKind;
        this.classes = builder.classes;
        this.nonFinite = builder.nonFinite;
    }

    /** A builder with the defaults: a header line, commas, every column a feature, non-finite values rejected. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataException if the file cannot be read or breaks a rule above, naming the line and column
     */
    public Dataset read(Path file) {
        return new CsvLoader(this, file).load();
    }

    /**
     * This format with the class vocabulary fixed to {@code classNames}, in that order: to read a test file or new
     * samples with the class indices of the training data.
     *
     * @throws IllegalStateException if this format has no class column
     */
    public CsvDataset withClasses(List<String> classNames) {
        Builder builder = new Builder();
        builder.header = header;
        builder.separator = separator;
        builder.featureColumns = featureColumns;
        builder.labelColumn = labelColumn;
        builder.labelKind = labelKind;
        builder.nonFinite = nonFinite;
        return builder.classes(classNames).build();
    }

    /** Options of a {@link CsvDataset}. Column references are names ({@code String}) or 0-based indices. */
    public static final class Builder {

        private boolean header = true;
        private char separator = ',';
        private List<ColumnRef> featureColumns = List.of();
        private ColumnRef labelColumn;
        private TargetKind labelKind = TargetKind.NONE;
        private List<String> classes;
        private NonFinitePolicy nonFinite = NonFinitePolicy.REJECT;

        private Builder() {}

        /** Whether the first line names the columns (default true). */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /**
         * The field separator (default {@code ','}; {@code ';'} and {@code '\t'} are common).
         *
         * @throws IllegalArgumentException for a quote, a line break or a character that may be part of a number
         */
        public Builder separator(char separator) {
            if ("\"\r\n0123456789.+-eE".indexOf(separator) >= 0) {
                throw new IllegalArgumentException("separator: expected a character that cannot be part of a number,"
                        + " quote or line break, found '" + separator + "'");
            }
            this.separator = separator;
            return this;
        }

        /** The feature columns, by name, in this order (default: every column but the label). */
        public Builder featureColumns(String... names) {
            this.featureColumns = Arrays.stream(names).map(ColumnRef::named).toList();
            return this;
        }

        /**
         * The feature columns, by 0-based index, in this order (default: every column but the label).
         *
         * @throws IllegalArgumentException if an index is negative
         */
        public Builder featureColumns(int... indices) {
            this.featureColumns = Arrays.stream(indices).mapToObj(ColumnRef::at).toList();
            return this;
        }

        /** The label column, by name, holding class names. Replaces an earlier label column. */
        public Builder classColumn(String name) {
            return label(ColumnRef.named(Objects.requireNonNull(name, "name")), TargetKind.CLASS_INDEX);
        }

        /**
         * The label column, by 0-based index, holding class names. Replaces an earlier label column.
         *
         * @throws IllegalArgumentException if the index is negative
         */
        public Builder classColumn(int index) {
            return label(ColumnRef.at(index), TargetKind.CLASS_INDEX);
        }

        /** The label column, by name, holding a real-valued target. Replaces an earlier label column. */
        public Builder targetColumn(String name) {
            return label(ColumnRef.named(Objects.requireNonNull(name, "name")), TargetKind.VALUES);
        }

        /**
         * The label column, by 0-based index, holding a real-valued target. Replaces an earlier label column.
         *
         * @throws IllegalArgumentException if the index is negative
         */
        public Builder targetColumn(int index) {
            return label(ColumnRef.at(index), TargetKind.VALUES);
        }

        /**
         * Fixes the class vocabulary to {@code classNames}, in that order; a class name outside it is an error.
         *
         * @throws IllegalArgumentException if the list is empty or has duplicates
         */
        public Builder classes(List<String> classNames) {
            List<String> copy = List.copyOf(classNames);
            if (copy.isEmpty() || copy.stream().distinct().count() != copy.size()) {
                throw new IllegalArgumentException(
                        "classNames: expected at least one name and no duplicates, found " + copy);
            }
            this.classes = copy;
            return this;
        }

        /** What to do with NaN, infinities and numbers beyond float's range (default {@link NonFinitePolicy#REJECT}). */
        public Builder nonFinite(NonFinitePolicy policy) {
            this.nonFinite = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The format.
         *
         * @throws IllegalStateException if columns are chosen by name without a header, or classes are fixed without
         *     a class column
         */
        public CsvDataset build() {
            boolean byName = (labelColumn != null && labelColumn.byName())
                    || featureColumns.stream().anyMatch(ColumnRef::byName);
            if (byName && !header) {
                throw new IllegalStateException(
                        "columns are chosen by name, but the file has no header (header(false))");
            }
            if (classes != null && labelKind != TargetKind.CLASS_INDEX) {
                throw new IllegalStateException("classes(...) fixes a class vocabulary, but there is no classColumn");
            }
            return new CsvDataset(this);
        }

        private Builder label(ColumnRef column, TargetKind kind) {
            this.labelColumn = column;
            this.labelKind = kind;
            return this;
        }
    }
}
