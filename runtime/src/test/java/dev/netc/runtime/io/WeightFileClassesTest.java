package dev.netc.runtime.io;

import static dev.netc.runtime.io.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.io.SectionFile.Section;
import dev.netc.runtime.io.WeightFileException.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weight file's {@code classes} section (format 1.1): a classifier's class names, saved and read in order, checked
 * against the output they name, and refused by name when damaged.
 */
class WeightFileClassesTest {

    private static final List<String> IRIS = List.of("setosa", "versicolor", "virginica");

    @TempDir
    Path directory;

    private final Architecture iris = Specs.architecture("iris");

    @Test
    void classNamesAreSavedInOrderWithTheWeights() throws Exception {
        List<String> classes = List.of("virginica", "setosa", "versicolor");
        Path file = directory.resolve("iris.netc");

        WeightFile.of(iris, Specs.parameters(iris, 1), List.of())
                .withClasses(classes)
                .save(file);
        WeightFile read = WeightFile.read(file);

        assertEquals(classes, read.classes());
        assertEquals("1.1", read.formatVersion());
    }

    @Test
    void weightsSavedWithoutClassesHaveNone() throws Exception {
        Path file = directory.resolve("iris.netc");

        WeightFile.of(iris, Specs.parameters(iris, 1), List.of()).save(file);

        assertEquals(List.of(), WeightFile.read(file).classes());
    }

    @Test
    void oneSigmoidOutputNamesTwoClasses() throws Exception {
        Architecture xor = Specs.architecture("xor");
        Path file = directory.resolve("xor.netc");

        WeightFile.of(xor, new float[11], List.of())
                .withClasses(List.of("off", "on"))
                .save(file);

        assertEquals(List.of("off", "on"), WeightFile.read(file).classes());
    }

    @Test
    void classNamesMustNameEveryClassOnce() {
        WeightFile weights = WeightFile.of(iris, Specs.parameters(iris, 1), List.of());

        IllegalArgumentException tooFew =
                assertThrows(IllegalArgumentException.class, () -> weights.withClasses(List.of("setosa", "virginica")));
        IllegalArgumentException repeated = assertThrows(
                IllegalArgumentException.class, () -> weights.withClasses(List.of("setosa", "setosa", "virginica")));

        assertEquals(
                "network IrisNet's output encodes 3 classes, found 2 class names [setosa, virginica]",
                tooFew.getMessage());
        assertEquals("class names must be distinct, found [setosa, setosa, virginica]", repeated.getMessage());
    }

    /** A file written before the section existed reads as before, with no classes. */
    @Test
    void aFileOfFormat10HasNoClasses() throws Exception {
        Path file = directory.resolve("old.netc");
        SectionFile.write(
                file,
                WeightFile.KIND,
                WeightFile.of(iris, Specs.parameters(iris, 1), List.of()).sections());
        byte[] bytes = TestFiles.bytes(file);
        bytes[10] = 0;
        TestFiles.resealHeader(bytes);

        WeightFile read = WeightFile.read(TestFiles.write(file, bytes));

        assertEquals(List.of(), read.classes());
        assertEquals("1.0", read.formatVersion());
    }

    @Test
    void aCountOtherThanTheOutputsClassesIsRefused() throws Exception {
        Path file = withClassesSection(
                new PayloadWriter().count(2).string("a").string("b").toByteArray());

        assertFails(
                Problem.MALFORMED,
                () -> WeightFile.read(file),
                "section 'classes', byte 0: class count: expected 3 (the classes the network's output encodes),"
                        + " found 2");
    }

    @Test
    void aRepeatedClassNameIsRefused() throws Exception {
        Path file = withClassesSection(
                new PayloadWriter().count(3).string("a").string("b").string("a").toByteArray());

        assertFails(
                Problem.MALFORMED,
                () -> WeightFile.read(file),
                "section 'classes', byte 10: class 2: expected a name not used before, found 'a'");
    }

    @Test
    void bytesAfterTheLastClassAreRefused() throws Exception {
        byte[] payload = new PayloadWriter()
                .count(3)
                .string("a")
                .string("b")
                .string("c")
                .count(0)
                .toByteArray();
        Path file = withClassesSection(payload);

        assertFails(
                Problem.MALFORMED,
                () -> WeightFile.read(file),
                "section 'classes', byte 13: expected the end of the section, found 4 more bytes");
    }

    /** Every single-byte change and every cut of a file with classes is refused, never misread. */
    @Test
    void everyDamageToAFileWithClassesIsRefused() throws Exception {
        Path file = directory.resolve("iris.netc");
        WeightFile.of(iris, Specs.parameters(iris, 1), List.of())
                .withClasses(IRIS)
                .save(file);
        byte[] good = TestFiles.bytes(file);
        int classesStart = good.length - ClassesCodec.encode(IRIS).length - 4 - 8 - "classes".length() - 1;
        List<Executable> checks = new ArrayList<>();
        for (int i = classesStart; i < good.length; i++) {
            byte[] flipped = good.clone();
            flipped[i] ^= (byte) 0xA5;
            Path damaged = TestFiles.write(directory.resolve("flip-" + i + ".netc"), flipped);
            checks.add(() -> assertThrows(WeightFileException.class, () -> WeightFile.read(damaged)));
            Path cut = TestFiles.write(directory.resolve("cut-" + i + ".netc"), Arrays.copyOf(good, i));
            int length = i;
            checks.add(() -> {
                WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFile.read(cut));
                assertEquals(Problem.TRUNCATED, e.problem(), () -> length + " bytes: " + e.getMessage());
            });
        }
        assertTrue(checks.size() > 2 * 40, "bytes of the section changed: " + checks.size() / 2);
        assertAll(checks);
    }

    /** Iris weights whose {@code classes} section holds {@code payload}. */
    private Path withClassesSection(byte[] payload) throws Exception {
        List<Section> sections = new ArrayList<>(
                WeightFile.of(iris, Specs.parameters(iris, 1), List.of()).sections());
        sections.add(new Section(ClassesCodec.SECTION, payload));
        Path file = directory.resolve("iris.netc");
        SectionFile.write(file, WeightFile.KIND, sections);
        return file;
    }
}
