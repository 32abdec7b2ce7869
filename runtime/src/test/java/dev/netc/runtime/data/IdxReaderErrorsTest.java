package dev.netc.runtime.data;

import static dev.netc.runtime.data.IdxFiles.concat;
import static dev.netc.runtime.data.IdxFiles.gzip;
import static dev.netc.runtime.data.IdxFiles.idx;
import static dev.netc.runtime.data.IdxFiles.u8;
import static dev.netc.runtime.data.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad IDX and gzip input of the reliability checklist (rows D1 to D3) and the issue, each with its exact message
 * naming the file, the byte offset, the field, what was expected and what was found.
 */
class IdxReaderErrorsTest {

    private static final Path REAL_LABELS = IdxReaderTest.MNIST.resolve("t10k-labels-idx1-ubyte.gz");

    @TempDir
    Path directory;

    // D1: headers

    @Test
    void wrongMagicNumber() {
        assertError(
                IdxReader.any(),
                new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0},
                "byte 0: not an IDX file: expected a magic number starting 0x0000 (or gzip, 0x1f8b), found 0x504b");
    }

    @Test
    void unknownType() {
        assertError(
                IdxReader.any(),
                idx(0x0A, new int[] {1}, new byte[1]),
                "byte 2: expected an IDX data type, one of 0x08 (u8), 0x09 (i8), 0x0b (i16), 0x0c (i32), 0x0d (f32),"
                        + " 0x0e (f64); found 0x0a");
    }

    @Test
    void floatImagesWhereBytesAreExpected() {
        assertError(
                IdxReader.mnist(),
                idx(0x0D, new int[] {1, 1, 1}, new byte[4]),
                "byte 2: expected IDX data type 0x08 (u8), found 0x0d (f32)");
    }

    @Test
    void twoDimensionalImagesWhereThreeAreExpected() {
        assertError(
                IdxReader.mnist(), u8(new int[] {2, 2}, 1, 2, 3, 4), "byte 3: expected 3 dimensions, found 2 (2 x 2)");
    }

    @Test
    void noDimensions() {
        assertError(IdxReader.any(), new byte[] {0, 0, 8, 0}, "byte 3: expected at least 1 dimension, found 0");
    }

    @Test
    void dimensionWithTheTopBitSet() {
        assertError(
                IdxReader.any(),
                idx(0x08, new int[] {1, -1}, new byte[0]),
                "byte 8: dimension 1: expected a size below 2^31, found 4294967295 (top bit set)");
    }

    @Test
    void dimensionsWhoseProductOverflows() {
        int max = Integer.MAX_VALUE;
        assertError(
                IdxReader.any(),
                idx(0x08, new int[] {max, max, max}, new byte[0]),
                "byte 4: dimensions 2147483647 x 2147483647 x 2147483647: expected at most 268435456 values"
                        + " (IdxReader.withMaxValues), found more than 2^63");
    }

    @Test
    void moreValuesThanTheLimit() {
        assertError(
                IdxReader.mnist().withMaxValues(1000),
                idx(0x08, new int[] {2, 28, 28}, new byte[2 * 28 * 28]),
                "byte 4: dimensions 2 x 28 x 28: expected at most 1000 values (IdxReader.withMaxValues), found 1568");
    }

    @Test
    void truncatedHeader() {
        assertError(
                IdxReader.any(),
                new byte[] {0, 0, 8, 1, 0, 0},
                "byte 6: truncated header: expected 4 bytes of the dimensions, found 2");
    }

    @Test
    void aGzipFileTooSmallForItsHeaderIsRefusedBeforeAllocating() {
        byte[] file = gzip(idx(0x08, new int[] {60_000, 28, 28}, new byte[0]));
        assertError(
                IdxReader.mnist(),
                file,
                "truncated or corrupt: the header declares 47040000 bytes of data, more than a gzip file of "
                        + file.length + " bytes can hold");
    }

    // D2: payloads and data sets

    @Test
    void payloadOneByteShortOrLong() {
        assertError(
                IdxReader.any(),
                u8(new int[] {2, 3}, 1, 2, 3, 4, 5),
                "truncated: the header declares 6 bytes of data after its 12 bytes, found 5");
        assertError(
                IdxReader.any(),
                u8(new int[] {2, 3}, 1, 2, 3, 4, 5, 6, 7),
                "trailing data: the header declares 6 bytes of data after its 12 bytes, found 7");
        assertError(
                IdxReader.any(),
                gzip(u8(new int[] {2, 3}, 1, 2, 3, 4, 5)),
                "byte 17: truncated: expected 6 bytes of data after the 12-byte header, found 5");
        assertError(
                IdxReader.any(),
                gzip(u8(new int[] {2, 3}, 1, 2, 3, 4, 5, 6, 7)),
                "byte 18: expected the end of the uncompressed stream after the data, found 1 more bytes");
    }

    @Test
    void nonFiniteFloats() {
        ByteBuffer values = ByteBuffer.allocate(8).putFloat(1f).putFloat(Float.NaN);
        assertError(
                IdxReader.any(),
                idx(0x0D, new int[] {2}, values.array()),
                "byte 12: value 1: expected a finite number within float's range, found NaN");
    }

    @Test
    void imageAndLabelCountsDiffer() {
        Path images = write(directory.resolve("images"), u8(new int[] {3, 1, 2}, 1, 2, 3, 4, 5, 6));
        Path labels = write(directory.resolve("labels"), u8(new int[] {2}, 0, 1));

        DataException e =
                assertThrows(DataException.class, () -> IdxReader.mnist().readDataset(images, labels, 10));

        assertEquals(
                images + " has 3 samples but " + labels + " has 2 labels; expected one label per sample",
                e.getMessage());
    }

    @Test
    void labelOutOfRange() {
        Path images = write(directory.resolve("images"), u8(new int[] {3, 1, 1}, 1, 2, 3));
        Path labels = write(directory.resolve("labels"), u8(new int[] {3}, 9, 10, 0));

        DataException e =
                assertThrows(DataException.class, () -> IdxReader.mnist().readDataset(images, labels, 10));

        assertEquals(labels + ": byte 9: label 1: expected a class index from 0 to 9, found 10", e.getMessage());
    }

    @Test
    void labelsOfTheWrongShapeOrType() {
        Path images = write(directory.resolve("images"), u8(new int[] {1, 1, 1}, 1));
        Path matrix = write(directory.resolve("matrix"), u8(new int[] {1, 1}, 0));
        Path floats = write(directory.resolve("floats"), idx(0x0D, new int[] {1}, new byte[4]));

        DataException twoDimensions =
                assertThrows(DataException.class, () -> IdxReader.mnist().readDataset(images, matrix, 10));
        DataException notIntegers =
                assertThrows(DataException.class, () -> IdxReader.mnist().readDataset(images, floats, 10));

        assertEquals(matrix + ": byte 3: expected 1 dimension, found 2 (1 x 1)", twoDimensions.getMessage());
        assertEquals(
                floats + ": byte 2: expected an integer type for labels, found 0x0d (f32)", notIntegers.getMessage());
    }

    // D3: gzip

    @Test
    void truncatedGzip() throws IOException {
        byte[] real = Files.readAllBytes(REAL_LABELS);
        byte[] half = Arrays.copyOf(real, real.length / 2);
        byte[] withoutTrailer = Arrays.copyOf(real, real.length - 3);

        assertError(
                IdxReader.any(),
                half,
                "byte " + half.length + ": gzip stream truncated in the compressed data of member 1;"
                        + " expected more data, found the end of the file");
        assertError(
                IdxReader.any(),
                withoutTrailer,
                "byte " + withoutTrailer.length + ": gzip stream truncated in the trailer of member 1;"
                        + " expected more data, found the end of the file");
    }

    @Test
    void flippedCrcIsDetected() throws IOException {
        byte[] real = Files.readAllBytes(REAL_LABELS);
        int crcAt = real.length - 8;
        long stored =
                ByteBuffer.wrap(real, crcAt, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        CRC32 crc = new CRC32();
        crc.update(IdxFiles.gunzip(real));
        assertEquals(stored, crc.getValue(), "the untouched file's CRC");
        byte[] flipped = real.clone();
        flipped[crcAt] ^= 1;

        assertError(
                IdxReader.any(),
                flipped,
                String.format(
                        Locale.ROOT,
                        "byte %d: corrupt gzip member 1: CRC-32 check failed: the trailer says 0x%08x, the data gives"
                                + " 0x%08x",
                        crcAt,
                        stored ^ 1,
                        stored));
    }

    @Test
    void flippedDataByteIsDetected() throws IOException {
        byte[] corrupt = Files.readAllBytes(REAL_LABELS);
        corrupt[corrupt.length / 2] ^= 0x10;

        DataException e = assertThrows(
                DataException.class, () -> IdxReader.any().read(write(directory.resolve("corrupt.gz"), corrupt)));

        assertTrue(
                e.getMessage().contains(": corrupt gzip member 1: "),
                "a corrupt-member error (bad deflate data or a CRC mismatch): " + e.getMessage());
    }

    @Test
    void lengthInTheTrailerIsChecked() {
        byte[] file = gzip(u8(new int[] {2}, 1, 2));
        file[file.length - 4]++;

        assertError(
                IdxReader.any(),
                file,
                "byte " + (file.length - 4) + ": corrupt gzip member 1: length check failed: the trailer says 11 bytes"
                        + " (mod 2^32), the data has 10");
    }

    @Test
    void trailingGarbageAfterTheGzipStream() {
        byte[] valid = gzip(u8(new int[] {2}, 1, 2));
        assertError(
                IdxReader.any(),
                concat(valid, new byte[] {0, 0, 0}),
                "byte " + valid.length + ": expected the end of the file or another gzip member after member 1,"
                        + " found 3 bytes of other data");
        assertError(
                IdxReader.any(),
                concat(valid, new byte[] {0x1f}),
                "byte " + valid.length + ": expected the end of the file or another gzip member after member 1,"
                        + " found 1 bytes of other data");
    }

    @Test
    void aSecondMemberAfterCompleteDataIsTrailingData() {
        byte[] valid = u8(new int[] {2}, 1, 2);
        assertError(
                IdxReader.any(),
                concat(gzip(valid), gzip(new byte[] {9, 9})),
                "byte 10: expected the end of the uncompressed stream after the data, found 2 more bytes");
    }

    @Test
    void missingFile() {
        Path absent = directory.resolve("absent.gz");

        DataException e =
                assertThrows(DataException.class, () -> IdxReader.any().read(absent));

        assertEquals(absent + ": cannot read the file: no such file", e.getMessage());
    }

    private void assertError(IdxReader reader, byte[] file, String expected) {
        Path path = write(directory.resolve("file" + Integer.toHexString(Arrays.hashCode(file))), file);
        DataException e = assertThrows(DataException.class, () -> reader.read(path));
        assertEquals(path + ": " + expected, e.getMessage());
    }
}
