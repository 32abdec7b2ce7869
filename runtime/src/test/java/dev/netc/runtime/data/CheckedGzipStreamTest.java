package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * The gzip header fields the JDK's own writer never produces (file name, comment, extra field, header CRC), and the
 * header errors, on members built byte by byte.
 */
class CheckedGzipStreamTest {

    private static final Path FILE = Path.of("test.gz");
    private static final byte[] DATA = "netc reads gzip strictly".getBytes(StandardCharsets.US_ASCII);

    @Test
    void optionalHeaderFieldsAreSkippedAndTheHeaderCrcChecked() throws IOException {
        byte[] member = member(0x02 | 0x04 | 0x08 | 0x10, 8, true);

        assertArrayEquals(DATA, readAll(member));
    }

    @Test
    void aWrongHeaderCrc() {
        byte[] member = member(0x02 | 0x08, 8, true);
        int crcAt = 10 + "data.idx".length() + 1;
        member[crcAt] ^= 0x01;
        int stored = (member[crcAt] & 0xff) | (member[crcAt + 1] & 0xff) << 8;

        DataException e = assertThrows(DataException.class, () -> readAll(member));

        assertEquals(
                String.format(
                        Locale.ROOT,
                        "test.gz: byte %d: corrupt gzip member 1: header CRC check failed: stored 0x%04x,"
                                + " computed 0x%04x",
                        crcAt,
                        stored,
                        stored ^ 0x01),
                e.getMessage());
    }

    @Test
    void reservedFlagsAndOtherMethodsAreRefused() {
        DataException reserved = assertThrows(DataException.class, () -> readAll(member(0x20, 8, false)));
        DataException method = assertThrows(DataException.class, () -> readAll(member(0, 7, false)));

        assertEquals(
                "test.gz: byte 3: corrupt gzip member 1: expected no reserved flags, found 0x20",
                reserved.getMessage());
        assertEquals(
                "test.gz: byte 2: corrupt gzip member 1: expected compression method 8 (deflate), found 7",
                method.getMessage());
    }

    @Test
    void membersAreConcatenated() throws IOException {
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.writeBytes(member(0, 8, false));
        twice.writeBytes(member(0x08, 8, false));
        byte[] expected = new byte[2 * DATA.length];
        System.arraycopy(DATA, 0, expected, 0, DATA.length);
        System.arraycopy(DATA, 0, expected, DATA.length, DATA.length);

        assertArrayEquals(expected, readAll(twice.toByteArray()));
    }

    /** One gzip member of {@link #DATA} with {@code flags} set (their fields filled in) and compression {@code method}. */
    private static byte[] member(int flags, int method, boolean validHeaderCrc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, (byte) method, (byte) flags, 1, 2, 3, 4, 0, 3});
        if ((flags & 0x04) != 0) {
            out.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
        }
        if ((flags & 0x08) != 0) {
            out.writeBytes("data.idx\0".getBytes(StandardCharsets.US_ASCII));
        }
        if ((flags & 0x10) != 0) {
            out.writeBytes("a comment\0".getBytes(StandardCharsets.US_ASCII));
        }
        if ((flags & 0x02) != 0 && validHeaderCrc) {
            CRC32 crc = new CRC32();
            crc.update(out.toByteArray());
            out.write((int) crc.getValue() & 0xff);
            out.write((int) (crc.getValue() >>> 8) & 0xff);
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(DATA);
        deflater.finish();
        byte[] compressed = new byte[256];
        int length = deflater.deflate(compressed);
        deflater.end();
        out.write(compressed, 0, length);
        CRC32 crc = new CRC32();
        crc.update(DATA);
        writeLittleEndian(out, crc.getValue());
        writeLittleEndian(out, DATA.length);
        return out.toByteArray();
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static byte[] readAll(byte[] gzip) throws IOException {
        try (CheckedGzipStream in = new CheckedGzipStream(new ByteArrayInputStream(gzip), FILE)) {
            return in.readAllBytes();
        }
    }
}
