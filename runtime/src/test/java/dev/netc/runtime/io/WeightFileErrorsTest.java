package dev.netc.runtime.io;

import static dev.netc.runtime.io.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.io.SectionFile.Section;
import dev.netc.runtime.io.WeightFileException.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and foreign files, each refused with a {@link WeightFileException} that names the file, the section where
 * there is one, and what was expected and found (RELIABILITY.md rows W1 to W5). No other exception may escape.
 */
class WeightFileErrorsTest {

    /** Bytes 0-23 are the header; the architecture section starts at 24 with its name length. */
    private static final int FIRST_SECTION = SectionFile.HEADER_BYTES;

    @TempDir
    Path directory;

    private Architecture xor;
    private Path file;
    private byte[] good;

    @BeforeEach
    void saveXor() throws Exception {
        xor = Specs.architecture("xor");
        file = directory.resolve("xor.netc");
        WeightFile.of(xor, Specs.parameters(xor, 7), List.of()).save(file);
        good = TestFiles.bytes(file);
    }

    @Test
    void foreignFileIsNotAWeightFile() {
        TestFiles.write(file, "network: XorNet\n".getBytes(StandardCharsets.UTF_8));

        assertFails(
                Problem.NOT_A_WEIGHT_FILE,
                () -> WeightFile.read(file),
                file
                        + ": not a netc weight file: expected the bytes 89 4E 45 54 43 0D 0A 1A at the start, found 6E 65");
    }

    @Test
    void emptyFileIsNotAWeightFile() {
        TestFiles.write(file, new byte[0]);

        assertFails(Problem.NOT_A_WEIGHT_FILE, () -> WeightFile.read(file), "not a netc weight file: it is empty");
    }

    @Test
    void newerMajorVersionIsRefused() {
        byte[] bytes = good.clone();
        bytes[8] = 2;

        assertFails(
                Problem.UNSUPPORTED_VERSION,
                () -> WeightFile.read(TestFiles.write(file, bytes)),
                "format version 2." + SectionFile.MINOR_VERSION
                        + " is not one this netc reads (1.x); it was written by a newer netc");
    }

    @Test
    void newerMinorVersionMayAddSections() throws Exception {
        List<Section> sections =
                new ArrayList<>(WeightFile.of(xor, new float[11], List.of()).sections());
        sections.add(new Section("future", new byte[] {1, 2, 3}));
        SectionFile.write(file, WeightFile.KIND, sections);
        byte[] bytes = TestFiles.bytes(file);
        bytes[10] = SectionFile.MINOR_VERSION + 1;
        TestFiles.resealHeader(bytes);

        assertEquals(xor, WeightFile.read(TestFiles.write(file, bytes)).architecture());
    }

    @Test
    void unknownSectionOfThisVersionIsRefused() throws Exception {
        List<Section> sections =
                new ArrayList<>(WeightFile.of(xor, new float[11], List.of()).sections());
        sections.add(new Section("future", new byte[] {1, 2, 3}));
        SectionFile.write(file, WeightFile.KIND, sections);

        assertFails(
                Problem.UNEXPECTED_SECTION,
                () -> WeightFile.read(file),
                file
                        + ": section 'future': expected only the sections [architecture, parameters, preprocessing, classes]");
    }

    @Test
    void flippedParameterByteIsAChecksumErrorNamingTheSection() {
        byte[] bytes = good.clone();
        bytes[bytes.length - 10] ^= 0x01;

        assertFails(
                Problem.CHECKSUM_MISMATCH,
                () -> WeightFile.read(TestFiles.write(file, bytes)),
                file + ": section 'parameters': checksum mismatch: stored CRC32C ",
                "the file is corrupt");
    }

    @Test
    void flippedArchitectureByteIsAChecksumErrorNamingTheSection() {
        byte[] bytes = good.clone();
        bytes[FIRST_SECTION + 1 + "architecture".length() + 8 + 3] ^= 0x20;

        assertFails(
                Problem.CHECKSUM_MISMATCH,
                () -> WeightFile.read(TestFiles.write(file, bytes)),
                file + ": section 'architecture': checksum mismatch");
    }

    @Test
    void flippedHeaderByteIsAChecksumError() {
        byte[] bytes = good.clone();
        bytes[13] ^= 0x01;

        assertFails(Problem.CHECKSUM_MISMATCH, () -> WeightFile.read(TestFiles.write(file, bytes)), "header");
    }

    /** A change to any one byte, anywhere, is refused with a netc message: never accepted, never another exception. */
    @Test
    void everySingleByteChangeIsRefused() {
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < good.length; i++) {
            byte[] bytes = good.clone();
            bytes[i] ^= (byte) 0xA5;
            Path damaged = TestFiles.write(directory.resolve("flip-" + i + ".netc"), bytes);
            checks.add(() -> assertThrows(WeightFileException.class, () -> WeightFile.read(damaged)));
        }
        assertEquals(good.length, checks.size(), "bytes changed");
        assertAll(checks);
    }

    /** Cut at every length, a file is refused as truncated (or, when empty, as no weight file): never misread. */
    @Test
    void everyTruncationIsRefused() {
        List<Executable> checks = new ArrayList<>();
        Set<Problem> expected = EnumSet.of(Problem.TRUNCATED, Problem.NOT_A_WEIGHT_FILE);
        for (int length = 0; length < good.length; length++) {
            byte[] bytes = Arrays.copyOf(good, length);
            Path cut = TestFiles.write(directory.resolve("cut-" + length + ".netc"), bytes);
            int kept = length;
            checks.add(() -> {
                WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFile.read(cut));
                assertTrue(expected.contains(e.problem()), () -> kept + " bytes: " + e.getMessage());
            });
        }
        assertEquals(good.length, checks.size(), "lengths tried");
        assertAll(checks);
    }

    @Test
    void truncatedFileSaysWhatIsMissing() {
        byte[] bytes = Arrays.copyOf(good, good.length - 5);

        assertFails(
                Problem.TRUNCATED,
                () -> WeightFile.read(TestFiles.write(file, bytes)),
                file + ": section 'parameters': declares 44 payload bytes and a checksum at byte ",
                "but the file has only " + bytes.length + " bytes");
    }

    /** A section length of 2^60 or 2^63 is refused before anything is allocated. */
    @Test
    void hugeSectionLengthIsRefusedWithoutAllocating() {
        for (long length : new long[] {1L << 60, Long.MIN_VALUE, Long.MAX_VALUE}) {
            byte[] bytes = good.clone();
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(FIRST_SECTION + 1 + 12, length);

            assertFails(
                    Problem.TRUNCATED,
                    () -> WeightFile.read(TestFiles.write(file, bytes)),
                    "section 'architecture': declares " + Long.toUnsignedString(length) + " payload bytes");
        }
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] bytes = Arrays.copyOf(good, good.length + 3);

        assertFails(
                Problem.TRAILING_BYTES,
                () -> WeightFile.read(TestFiles.write(file, bytes)),
                file + ": file has 3 unexpected trailing bytes after its last section (which ends at byte "
                        + good.length + ")");
    }

    @Test
    void missingParametersAreRefused() throws Exception {
        SectionFile.write(file, WeightFile.KIND, List.of(new Section("architecture", ArchitectureCodec.encode(xor))));

        assertFails(
                Problem.MISSING_SECTION,
                () -> WeightFile.read(file),
                "expected a section 'parameters', found only [architecture]");
    }

    @Test
    void repeatedSectionIsRefused() throws Exception {
        List<Section> sections =
                new ArrayList<>(WeightFile.of(xor, new float[11], List.of()).sections());
        sections.add(sections.get(1));
        SectionFile.write(file, WeightFile.KIND, sections);

        assertFails(
                Problem.UNEXPECTED_SECTION,
                () -> WeightFile.read(file),
                "section 'parameters': appears twice; expected each section once");
    }

    @Test
    void parametersOfTheWrongLengthAreRefused() throws Exception {
        SectionFile.write(
                file,
                WeightFile.KIND,
                List.of(
                        new Section("architecture", ArchitectureCodec.encode(xor)),
                        new Section("parameters", new byte[40])));

        assertFails(
                Problem.MALFORMED,
                () -> WeightFile.read(file),
                "section 'parameters': expected 44 bytes (11 float32 parameters of network XorNet), found 40");
    }

    @Test
    void architectureThatIsNotANetworkIsRefused() throws Exception {
        byte[] architecture = new PayloadWriter()
                .string("Broken")
                .count(3)
                .count(1)
                .string("dense1")
                .string("dense")
                .count(1)
                .string("hidden")
                .count(3)
                .count(2)
                .flag(true)
                .string("relu")
                .number(0)
                .toByteArray();
        SectionFile.write(file, WeightFile.KIND, List.of(new Section("architecture", architecture)));

        assertFails(
                Problem.MALFORMED,
                () -> WeightFile.read(file),
                "section 'architecture': layer 'dense1': reads 'hidden', which is not an earlier layer");
    }

    @Test
    void corruptCountInsideASectionIsRefusedWithItsOffset() throws Exception {
        byte[] architecture =
                new PayloadWriter().string("X").count(3).count(-1 >>> 1).toByteArray();
        SectionFile.write(file, WeightFile.KIND, List.of(new Section("architecture", architecture)));

        assertFails(
                Problem.MALFORMED,
                () -> WeightFile.read(file),
                "section 'architecture', byte 7: layer count: expected 1 to 100000, found 2147483647");
    }

    @Test
    void checkpointIsNotAWeightFile() throws Exception {
        SectionFile.write(
                file, "CKPT", WeightFile.of(xor, new float[11], List.of()).sections());

        assertFails(
                Problem.NOT_A_WEIGHT_FILE,
                () -> WeightFile.read(file),
                "expected a weight file (kind WGHT), found a netc file of kind CKPT");
    }

    @Test
    void missingFileIsAnIoErrorNamingIt() {
        Path missing = directory.resolve("missing.netc");

        assertFails(
                Problem.IO_ERROR,
                () -> WeightFile.read(missing),
                missing + ": cannot read: no such file or directory [weights:io-error]");
    }
}
