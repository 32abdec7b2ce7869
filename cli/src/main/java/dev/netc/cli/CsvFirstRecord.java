package dev.netc.cli;

import dev.netc.runtime.data.DataException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The first record of a CSV file, read before the file itself to find its last column and whether it starts with a
 * header: a header names its columns, so a first record of numbers only is data.
 */
final class CsvFirstRecord {

    /** A field that opens a data row: a decimal number, as the CSV reader accepts them. */
    private static final Pattern NUMBER = Pattern.compile("\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*");

    private CsvFirstRecord() {}

    /** The fields of {@code file}'s first record; empty for an empty file. */
    static Optional<List<String>> of(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            for (CSVRecord first : parser) {
                return Optional.of(first.toList());
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Whether {@code field} is a decimal number (a byte-order mark before it aside). */
    static boolean isNumber(String field) {
        return NUMBER.matcher(field.replace("\uFEFF", "")).matches();
    }
}
