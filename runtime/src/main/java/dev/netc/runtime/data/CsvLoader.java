package dev.netc.runtime.data;

import dev.netc.spec.diag.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One reading of one CSV file by a {@link CsvDataset} format: Commons CSV splits the records, and this class does
 * everything Commons CSV would accept by default and netc does not: duplicate header names, rows with too few or too
 * many fields, a byte-order mark (dropped by {@link Utf8Reader}), numbers outside the decimal grammar of {@link
 * CsvNumbers}. It tracks the line where each record starts, which is what messages name.
 */
final class CsvLoader {

    private final CsvDataset format;
    private final Path file;
    private final FloatList features = new FloatList();
    private final FloatList targets = new FloatList();
    private final ClassVocabulary vocabulary;
    private CsvColumns columns;
    private int[] featureColumns;
    private int skippedRows;
    /** The line where the next record starts. */
    private long line = 1;

    CsvLoader(CsvDataset format, Path file) {
        this.format = format;
        this.file = file;
        this.vocabulary = format.classes == null ? ClassVocabulary.collecting() : ClassVocabulary.fixed(format.classes);
    }

    Dataset load() {
        CSVFormat csv = CSVFormat.RFC4180
                .builder()
                .setDelimiter(format.separator)
                .setIgnoreEmptyLines(false) // skipped here instead, so that line numbers stay exact
                .get();
        try (InputStream in = Files.newInputStream(file);
                CSVParser parser = CSVParser.builder()
                        .setReader(new Utf8Reader(in, file))
                        .setFormat(csv)
                        .get()) {
            readRecords(parser);
        } catch (UncheckedIOException e) { // how the parser's iterator reports its IOExceptions
            throw failure(e.getCause());
        } catch (IOException e) {
            throw failure(e);
        }
        return dataset();
    }

    private void readRecords(CSVParser parser) {
        Iterator<CSVRecord> records = parser.iterator();
        float[] row = null;
        while (records.hasNext()) {
            CSVRecord record = records.next();
            long recordLine = line;
            line = parser.getCurrentLineNumber() + 1;
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (columns == null) {
                boolean isHeader = format.header;
                List<String> names = isHeader ? stripped(record) : List.of();
                columns = CsvColumns.resolve(file, names, record.size(), recordLine, format);
                featureColumns = columns.features();
                row = new float[featureColumns.length];
                if (isHeader) {
                    continue;
                }
            }
            readRow(record, recordLine, row);
        }
    }

    private void readRow(CSVRecord record, long recordLine, float[] row) {
        if (record.size() != columns.count()) {
            String which = record.size() < columns.count()
                    ? columns.describe(record.size()) + " is missing"
                    : "an extra field at index " + columns.count();
            throw DataException.at(
                    file,
                    "line " + recordLine,
                    String.format(
                            Locale.ROOT, "expected %d fields, found %d (%s)", columns.count(), record.size(), which));
        }
        boolean finite = true;
        for (int i = 0; i < row.length; i++) {
            row[i] = number(record, featureColumns[i], recordLine);
            finite &= Float.isFinite(row[i]);
        }
        float target = 0;
        if (format.labelKind == TargetKind.VALUES) {
            target = number(record, columns.label(), recordLine);
            finite &= Float.isFinite(target);
        }
        if (!finite && format.nonFinite == NonFinitePolicy.SKIP_ROW) {
            skippedRows++;
            return;
        }
        if (format.labelKind == TargetKind.CLASS_INDEX) {
            target = classId(record, recordLine);
        }
        features.addAll(row);
        if (format.labelKind != TargetKind.NONE) {
            targets.add(target);
        }
    }

    private float number(CSVRecord record, int column, long recordLine) {
        String text = strip(record.get(column));
        float value;
        String problem;
        if (CsvNumbers.isDecimal(text)) {
            value = Float.parseFloat(text);
            if (Float.isFinite(value)) {
                return value;
            }
            problem = "expected a number within float's range (about 3.4e38), found " + Texts.quote(text);
        } else {
            value = CsvNumbers.nonFiniteWord(text);
            if (value == 0) {
                throw DataException.at(file, where(recordLine, column), CsvNumbers.expected(text));
            }
            problem = "expected a finite number, found " + Texts.quote(text);
        }
        if (format.nonFinite == NonFinitePolicy.REJECT) {
            throw DataException.at(
                    file,
                    where(recordLine, column),
                    problem + " (non-finite values are refused unless the format sets nonFinite(KEEP or SKIP_ROW))");
        }
        return value;
    }

    private float classId(CSVRecord record, long recordLine) {
        String name = strip(record.get(columns.label()));
        if (name.isEmpty()) {
            throw DataException.at(
                    file, where(recordLine, columns.label()), "expected a class name, found an empty field");
        }
        int id;
        try {
            id = vocabulary.id(name);
        } catch (DataException e) {
            throw DataException.at(file, where(recordLine, columns.label()), e.getMessage());
        }
        if (id < 0) {
            throw DataException.at(
                    file,
                    where(recordLine, columns.label()),
                    "unknown class " + Texts.quote(name) + " (the classes are fixed); "
                            + Suggestions.didYouMean(name, vocabulary.names()));
        }
        return id;
    }

    private Dataset dataset() {
        if (columns == null) {
            throw DataException.in(
                    file, "expected " + (format.header ? "a header line" : "data rows") + ", found an empty file");
        }
        if (features.size() == 0 && skippedRows > 0) {
            throw DataException.in(
                    file,
                    "expected data rows with finite values, found none: all " + skippedRows
                            + " rows had non-finite values (NonFinitePolicy.SKIP_ROW)");
        }
        if (features.size() == 0) {
            throw DataException.in(file, "expected data rows after the header, found none");
        }
        float[] values = features.toArray();
        int[] shape = {featureColumns.length};
        Dataset data =
                switch (format.labelKind) {
                    case NONE -> Dataset.unlabelled(values, shape);
                    case VALUES -> Dataset.ofTargets(values, shape, targets.toArray(), 1);
                    default -> {
                        float[] indices = targets.toArray();
                        int[] finalIndices = vocabulary.finalIndices();
                        for (int i = 0; i < indices.length; i++) {
                            indices[i] = finalIndices[(int) indices[i]];
                        }
                        yield Dataset.ofClasses(values, shape, indices, vocabulary.names());
                    }
                };
        return data.withFeatureNames(columns.featureNames());
    }

    private DataException failure(IOException cause) {
        if (cause instanceof CSVException) {
            String message = cause.getMessage().replaceFirst("^\\(startline \\d+\\) ", "");
            return new DataException(file + ": line " + line + ": malformed CSV: " + message, cause);
        }
        return Texts.unreadable(file, cause);
    }

    private String where(long recordLine, int column) {
        return "line " + recordLine + ", " + columns.describe(column);
    }

    private static List<String> stripped(CSVRecord record) {
        List<String> names = new ArrayList<>(record.size());
        for (String value : record) {
            names.add(strip(value));
        }
        return names;
    }

    /** {@code value} without the spaces and tabs around it. */
    private static String strip(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && (value.charAt(from) == ' ' || value.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (value.charAt(to - 1) == ' ' || value.charAt(to - 1) == '\t')) {
            to--;
        }
        return value.substring(from, to);
    }
}
