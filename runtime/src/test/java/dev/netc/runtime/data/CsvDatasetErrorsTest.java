package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad CSV input of the reliability checklist (row D4) and the issue, each with its exact message: the file, the
 * line where the record starts, the column by name and index, what was expected and what was found. The files are in
 * {@code src/test/resources/data/csv}.
 */
class CsvDatasetErrorsTest {

    private static final CsvDataset IRIS_LIKE =
            CsvDataset.builder().classColumn("species").build();

    @TempDir
    Path directory;

    @Test
    void raggedRows() {
        assertError(
                "ragged-short.csv",
                "line 3: expected 3 fields, found 2 (column 'species' (index 2) is missing)",
                IRIS_LIKE);
        assertError("ragged-long.csv", "line 3: expected 3 fields, found 4 (an extra field at index 3)", IRIS_LIKE);
    }

    @Test
    void nonNumericFeature() {
        assertError(
                "non-numeric.csv",
                "line 4, column 'sepal_width' (index 1): expected a decimal number, found \"abc\"",
                IRIS_LIKE);
    }

    @Test
    void numbersThatJavaWouldParseButAreNotDecimal() {
        assertError(
                "type-suffix.csv",
                "line 2, column 'sepal_width' (index 1): expected a decimal number, found \"1d\"",
                IRIS_LIKE);
        assertError(
                "hex-float.csv",
                "line 2, column 'sepal_width' (index 1): expected a decimal number, found \"0x1p3\"",
                IRIS_LIKE);
        assertError(
                "decimal-comma.csv",
                "line 2, column 'sepal_length' (index 0): expected a decimal number with '.' as the decimal point,"
                        + " found \"5,1\"",
                IRIS_LIKE);
        assertError(
                "empty-field.csv",
                "line 2, column 'sepal_width' (index 1): expected a decimal number, found an empty field",
                IRIS_LIKE);
    }

    @Test
    void nonFiniteValuesUnlessAPolicyIsChosen() {
        String refused = " (non-finite values are refused unless the format sets nonFinite(KEEP or SKIP_ROW))";
        assertError(
                "nan.csv",
                "line 3, column 'sepal_width' (index 1): expected a finite number, found \"NaN\"" + refused,
                IRIS_LIKE);
        assertError(
                "infinity.csv",
                "line 2, column 'sepal_width' (index 1): expected a finite number, found \"-inf\"" + refused,
                IRIS_LIKE);
        assertError(
                "overflow.csv",
                "line 2, column 'sepal_width' (index 1): expected a number within float's range (about 3.4e38),"
                        + " found \"1e39\""
                        + refused,
                IRIS_LIKE);
    }

    @Test
    void everyRowSkipped() {
        assertError(
                "all-non-finite.csv",
                "expected data rows with finite values, found none: all 2 rows had non-finite values"
                        + " (NonFinitePolicy.SKIP_ROW)",
                CsvDataset.builder()
                        .classColumn("species")
                        .nonFinite(NonFinitePolicy.SKIP_ROW)
                        .build());
    }

    @Test
    void emptyFileBlankFileAndHeaderOnly() {
        assertError("empty.csv", "expected a header line, found an empty file", IRIS_LIKE);
        assertError("blank-lines.csv", "expected a header line, found an empty file", IRIS_LIKE);
        assertError(
                "empty.csv",
                "expected data rows, found an empty file",
                CsvDataset.builder().header(false).build());
        assertError("header-only.csv", "expected data rows after the header, found none", IRIS_LIKE);
    }

    @Test
    void missingLabelColumn() {
        assertError(
                "nan.csv",
                "line 1: no column named 'specis'; did you mean 'species'?",
                CsvDataset.builder().classColumn("specis").build());
        assertError(
                "nan.csv",
                "line 1: no column named 'label'; expected one of sepal_length, sepal_width, species",
                CsvDataset.builder().classColumn("label").build());
        assertError(
                "nan.csv",
                "line 1: expected a column index from 0 to 2 (the file has 3 columns), found 3",
                CsvDataset.builder().classColumn(3).build());
    }

    @Test
    void columnsChosenTwice() {
        assertError(
                "nan.csv",
                "line 1: column 'species' (index 2) is both a feature and the label",
                CsvDataset.builder()
                        .featureColumns("sepal_length", "species")
                        .classColumn("species")
                        .build());
        assertError(
                "nan.csv",
                "line 1: column 'sepal_length' (index 0) is chosen twice as a feature",
                CsvDataset.builder().featureColumns(0, 0).build());
    }

    @Test
    void duplicateHeader() {
        assertError(
                "duplicate-header.csv",
                "line 1: expected unique column names, found 'length' twice (indexes 0 and 2)",
                IRIS_LIKE);
    }

    @Test
    void unknownAndEmptyClasses() {
        assertError(
                "unknown-class.csv",
                "line 3, column 'species' (index 2): unknown class \"virginca\" (the classes are fixed);"
                        + " did you mean 'virginica'?",
                IRIS_LIKE.withClasses(List.of("setosa", "versicolor", "virginica")));
        assertError(
                "empty-label.csv",
                "line 2, column 'species' (index 2): expected a class name, found an empty field",
                IRIS_LIKE);
    }

    @Test
    void malformedCsv() {
        DataException e = assertError(
                "unclosed-quote.csv",
                "line 3: malformed CSV: EOF reached before encapsulated token finished",
                IRIS_LIKE);
        assertInstanceOf(CSVException.class, e.getCause());
    }

    @Test
    void invalidUtf8() {
        assertError("invalid-utf8.csv", "line 3 (byte 59): expected UTF-8 text, found the bytes 0xff", IRIS_LIKE);
    }

    @Test
    void invalidUtf8FarIntoTheFileIsPlacedExactly() throws IOException {
        // CRLF line ends, so that some fall across the decoder's 64 KB buffer boundaries.
        StringBuilder text = new StringBuilder("x,label\r\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",a\r\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[good.length + 4];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = '1';
        bytes[good.length + 1] = ',';
        bytes[good.length + 2] = (byte) 0xc3; // a two-byte sequence cut short
        bytes[good.length + 3] = '\n';
        Path file = Files.write(directory.resolve("large.csv"), bytes);

        CsvDataset format = CsvDataset.builder().classColumn("label").build();

        DataException e = assertThrows(DataException.class, () -> format.read(file));

        assertEquals(
                file + ": line 20002 (byte " + (good.length + 2) + "): expected UTF-8 text, found the bytes 0xc3",
                e.getMessage());
    }

    @Test
    void lineNumbersCountEveryKindOfLineEnd() throws IOException {
        String text = "x,label\r1,a\r\n\n3,\"multi\rline\"\n2,\"c\r\n\"\rz,c\r";
        Path file = Files.write(directory.resolve("line-ends.csv"), text.getBytes(StandardCharsets.US_ASCII));
        CsvDataset format = CsvDataset.builder().classColumn("label").build();

        DataException e = assertThrows(DataException.class, () -> format.read(file));

        assertEquals(file + ": line 8, column 'x' (index 0): expected a decimal number, found \"z\"", e.getMessage());
    }

    @Test
    void utf16IsRecognised() throws IOException {
        byte[] utf16 = {(byte) 0xff, (byte) 0xfe, 'x', 0, '\n', 0, '1', 0, '\n', 0}; // with its byte-order mark
        Path file = Files.write(directory.resolve("utf16.csv"), utf16);

        DataException e = assertThrows(
                DataException.class, () -> CsvDataset.builder().build().read(file));

        assertEquals(
                file + ": line 1 (byte 0): expected UTF-8 text, found the bytes 0xff"
                        + " (the file looks like UTF-16; save it as UTF-8)",
                e.getMessage());
    }

    @Test
    void missingFile() {
        Path file = directory.resolve("absent.csv");

        DataException e = assertThrows(DataException.class, () -> IRIS_LIKE.read(file));

        assertEquals(file + ": cannot read the file: no such file", e.getMessage());
    }

    private static DataException assertError(String name, String expected, CsvDataset format) {
        Path file = CsvDatasetTest.BAD.resolve(name);
        DataException e = assertThrows(DataException.class, () -> format.read(file));
        assertEquals(file + ": " + expected, e.getMessage());
        return e;
    }
}
