package dev.netc.runtime.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte for tests, plain or gzipped, so that every bad variant is explicit in the test. */
final class IdxFiles {

    private IdxFiles() {}

    /** An IDX file: magic {@code 00 00 type dims}, each dimension big-endian, then {@code payload}. */
    static byte[] idx(int typeCode, int[] dimensions, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + payload.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) dimensions.length);
        for (int dimension : dimensions) {
            buffer.putInt(dimension);
        }
        return buffer.put(payload).array();
    }

    /** A u8 IDX file of {@code values}. */
    static byte[] u8(int[] dimensions, int... values) {
        byte[] payload = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            payload[i] = (byte) values[i];
        }
        return idx(IdxType.U8.code(), dimensions, payload);
    }

    /** {@code data} as one gzip member. */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The uncompressed contents of gzip {@code data}, by the JDK's decoder. */
    static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
