package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

    static final Path IRIS = Path.of("../data/iris/iris.csv");
    static final Path BAD = Path.of("src/test/resources/data/csv");

    @TempDir
    Path directory;

    @Test
    void irisLoadsWithItsShapeClassesAndValues() {
        Dataset iris = CsvDataset.builder().classColumn("species").build().read(IRIS);

        assertEquals(150, iris.size());
        assertArrayEquals(new int[] {4}, iris.featureShape());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), iris.featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
        assertEquals(TargetKind.CLASS_INDEX, iris.targetKind());
        float[] first = new float[4];
        iris.copyFeatures(0, first, 0);
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, first);
        assertEquals(2, iris.classIndex(149));
    }

    @Test
    void bomCrlfQuotedSeparatorsEmbeddedLineBreaksAndATrailingBlankLineParse() throws IOException {
        String text = "\uFEFFx,name\r\n1.5,\"a,b\"\r\n-2,\"two\r\nlines\"\r\n\r\n3e2,\"say \"\"hi\"\"\"\r\n\r\n";
        Path file = write("quoted.csv", text.getBytes(StandardCharsets.UTF_8));

        Dataset data = CsvDataset.builder().classColumn("name").build().read(file);

        assertEquals(List.of("x"), data.featureNames()); // the byte-order mark is not part of the name
        assertArrayEquals(new float[] {1.5f, -2f, 300f}, data.features());
        assertEquals(List.of("a,b", "say \"hi\"", "two\r\nlines"), data.classNames());
        assertArrayEquals(new float[] {0, 2, 1}, data.targets());
    }

    @Test
    void theClassOrderIsSortedSoItDoesNotDependOnTheRowOrder() throws IOException {
        Path shuffled = write("shuffled.csv", "x,label\n1,b\n2,c\n3,a\n4,b\n");
        Path numbers = write("numbers.csv", "x,digit\n1,10\n2,2\n3,9\n");

        Dataset letters = CsvDataset.builder().classColumn("label").build().read(shuffled);
        Dataset digits = CsvDataset.builder().classColumn(1).build().read(numbers);

        assertEquals(List.of("a", "b", "c"), letters.classNames());
        assertArrayEquals(new float[] {1, 2, 0, 1}, letters.targets());
        assertEquals(List.of("2", "9", "10"), digits.classNames()); // by value, not "10" < "2"
        assertArrayEquals(new float[] {2, 0, 1}, digits.targets());
    }

    @Test
    void aSavedVocabularyGivesTheTrainingIndices() throws IOException {
        Path test = write("test.csv", "x,label\n1,c\n2,c\n");
        CsvDataset format = CsvDataset.builder().classColumn("label").build();

        Dataset data = format.withClasses(List.of("a", "b", "c")).read(test);

        assertEquals(List.of("a", "b", "c"), data.classNames());
        assertArrayEquals(new float[] {2, 2}, data.targets());
        assertEquals(List.of("c"), format.read(test).classNames());
    }

    @Test
    void columnsAreChosenByNameOrIndexInTheGivenOrder() {
        Dataset byName = CsvDataset.builder()
                .featureColumns("petal_width", "sepal_length")
                .targetColumn("petal_length")
                .build()
                .read(IRIS);
        Dataset byIndex = CsvDataset.builder()
                .featureColumns(3, 0)
                .targetColumn(2)
                .build()
                .read(IRIS);

        assertEquals(List.of("petal_width", "sepal_length"), byName.featureNames());
        assertEquals(TargetKind.VALUES, byName.targetKind());
        assertArrayEquals(new float[] {0.2f, 5.1f}, byName.slice(0, 1).features());
        assertEquals(1.4f, byName.target(0, 0));
        assertArrayEquals(byName.features(), byIndex.features());
        assertArrayEquals(byName.targets(), byIndex.targets());
    }

    @Test
    void headerlessFilesWithAnotherSeparatorAndSpacesAroundValues() throws IOException {
        Path file = write("plain.tsv", "1\t 2.5 \tyes\n.5\t5.\tno\n");

        Dataset data = CsvDataset.builder()
                .header(false)
                .separator('\t')
                .classColumn(2)
                .build()
                .read(file);

        assertEquals(List.of(), data.featureNames());
        assertArrayEquals(new float[] {1f, 2.5f, 0.5f, 5f}, data.features());
        assertEquals(List.of("no", "yes"), data.classNames());
    }

    @Test
    void withoutALabelColumnEveryColumnIsAFeature() throws IOException {
        Path file = write("features.csv", "a;b\n1;2\n3;4\n");

        Dataset data = CsvDataset.builder().separator(';').build().read(file);

        assertEquals(TargetKind.NONE, data.targetKind());
        assertArrayEquals(new float[] {1, 2, 3, 4}, data.features());
    }

    @Test
    void aNonFinitePolicyKeepsOrSkipsNonFiniteRows() {
        Path file = BAD.resolve("nan.csv");

        Dataset kept = CsvDataset.builder()
                .classColumn("species")
                .nonFinite(NonFinitePolicy.KEEP)
                .build()
                .read(file);
        Dataset skipped = CsvDataset.builder()
                .classColumn("species")
                .nonFinite(NonFinitePolicy.SKIP_ROW)
                .build()
                .read(file);

        assertEquals(3, kept.size());
        assertTrue(Float.isNaN(kept.feature(1, 1)));
        assertEquals(2, skipped.size());
        assertArrayEquals(new float[] {5.1f, 3.5f, 6.3f, 3.3f}, skipped.features());
        assertEquals(List.of("setosa", "virginica"), skipped.classNames());
    }

    @Test
    void infinitiesAndOverflowAreNonFinite() {
        CsvDataset keep = CsvDataset.builder()
                .classColumn("species")
                .nonFinite(NonFinitePolicy.KEEP)
                .build();

        assertEquals(
                Float.NEGATIVE_INFINITY, keep.read(BAD.resolve("infinity.csv")).feature(0, 1));
        assertEquals(
                Float.POSITIVE_INFINITY, keep.read(BAD.resolve("overflow.csv")).feature(0, 1));
    }

    @Test
    void builderMistakesAreReportedWhenBuilding() {
        IllegalStateException byNameWithoutHeader = assertThrows(
                IllegalStateException.class,
                () -> CsvDataset.builder().header(false).classColumn("species").build());
        IllegalStateException classesWithoutColumn = assertThrows(
                IllegalStateException.class,
                () -> CsvDataset.builder().classes(List.of("a")).build());
        IllegalArgumentException quoteSeparator = assertThrows(
                IllegalArgumentException.class, () -> CsvDataset.builder().separator('"'));
        IllegalArgumentException negativeIndex = assertThrows(
                IllegalArgumentException.class, () -> CsvDataset.builder().featureColumns(0, -1));

        assertEquals(
                "columns are chosen by name, but the file has no header (header(false))",
                byNameWithoutHeader.getMessage());
        assertEquals(
                "classes(...) fixes a class vocabulary, but there is no classColumn",
                classesWithoutColumn.getMessage());
        assertEquals(
                "separator: expected a character that cannot be part of a number, quote or line break, found '\"'",
                quoteSeparator.getMessage());
        assertEquals("column index: expected 0 or more, found -1", negativeIndex.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }
}
