package dev.netc.runtime.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One IDX file being read, in three steps: {@link #readHeader()}, {@link #readValues} and {@link #requireEnd()}. It
 * detects gzip compression by the stream's first two bytes (0x1f 0x8b; an IDX file starts with two zero bytes), not by
 * the file name, and counts offsets in the uncompressed IDX data for messages.
 */
final class IdxInput implements Closeable {

    private static final int CHUNK = 1 << 16;

    private final Path file;
    private final InputStream in;
    private final boolean compressed;
    private final long fileSize;
    /** Bytes of IDX data consumed so far. */
    private long offset;

    private IdxInput(Path file, InputStream in, boolean compressed, long fileSize) {
        this.file = file;
        this.in = in;
        this.compressed = compressed;
        this.fileSize = fileSize;
    }

    /**
     * Opens {@code file}, plain or gzipped.
     *
     * @throws DataException if it cannot be opened
     */
    static IdxInput open(Path file) {
        try {
            long size = Files.size(file);
            BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file), CHUNK);
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            InputStream in = gzip ? new CheckedGzipStream(buffered, file) : buffered;
            return new IdxInput(file, in, gzip, size);
        } catch (IOException e) {
            throw Texts.unreadable(file, e);
        }
    }

    /** Whether the file is gzipped. */
    boolean compressed() {
        return compressed;
    }

    /** The size of the file on disk (compressed, if it is). */
    long fileSize() {
        return fileSize;
    }

    /**
     * Reads and checks the header: the magic number (two zero bytes, a known type code, at least one dimension) and
     * each dimension (below 2^31).
     *
     * @throws DataException naming the byte and the field
     */
    IdxHeader readHeader() throws IOException {
        byte[] magic = readHeaderBytes(4, "the magic number");
        if (magic[0] != 0 || magic[1] != 0) {
            throw DataException.at(
                    file,
                    "byte 0",
                    String.format(
                            Locale.ROOT,
                            "not an IDX file: expected a magic number starting 0x0000 (or gzip, 0x1f8b), found 0x%02x%02x",
                            magic[0] & 0xff,
                            magic[1] & 0xff));
        }
        IdxType type = IdxType.of(magic[2] & 0xff);
        if (type == null) {
            StringBuilder known = new StringBuilder();
            for (IdxType candidate : IdxType.values()) {
                known.append(known.length() == 0 ? "" : ", ").append(candidate.describe());
            }
            throw DataException.at(
                    file,
                    "byte 2",
                    String.format(
                            Locale.ROOT, "expected an IDX data type, one of %s; found 0x%02x", known, magic[2] & 0xff));
        }
        int count = magic[3] & 0xff;
        if (count == 0) {
            throw DataException.at(file, "byte 3", "expected at least 1 dimension, found 0");
        }
        ByteBuffer sizes = ByteBuffer.wrap(readHeaderBytes(4 * count, "the dimensions"));
        int[] dimensions = new int[count];
        long product = 1; // -1 once it overflows
        boolean empty = false;
        for (int i = 0; i < count; i++) {
            long size = sizes.getInt() & 0xffffffffL;
            if (size > Integer.MAX_VALUE) {
                throw DataException.at(
                        file,
                        "byte " + (4 + 4 * i),
                        String.format(
                                Locale.ROOT,
                                "dimension %d: expected a size below 2^31, found %d (top bit set)",
                                i,
                                size));
            }
            dimensions[i] = (int) size;
            empty |= size == 0;
            product = product < 0 || (size != 0 && product > Long.MAX_VALUE / size) ? -1 : product * size;
        }
        return new IdxHeader(type, dimensions, empty ? 0 : product);
    }

    /**
     * Reads {@code values.length} values of {@code type}, converted to float, into {@code values}.
     *
     * @throws DataException if the data ends early or a float value is not finite
     */
    void readValues(IdxType type, float[] values) throws IOException {
        int width = type.bytes();
        byte[] chunk = new byte[CHUNK];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        long dataStart = offset;
        int done = 0;
        while (done < values.length) {
            int wanted = (int) Math.min(chunk.length, (long) (values.length - done) * width);
            int read = in.readNBytes(chunk, 0, wanted);
            offset += read;
            if (read < wanted) {
                throw DataException.at(
                        file,
                        "byte " + offset,
                        String.format(
                                Locale.ROOT,
                                "truncated: expected %d bytes of data after the %d-byte header, found %d",
                                (long) values.length * width,
                                dataStart,
                                offset - dataStart));
            }
            int count = read / width;
            decode(type, view, count, values, done);
            if (!type.isIntegral()) {
                requireFinite(values, done, count, dataStart, width);
            }
            done += count;
        }
    }

    /**
     * Reads to the end of the file, which is what makes a gzip stream verify its last CRC.
     *
     * @throws DataException if data follows
     */
    void requireEnd() throws IOException {
        if (in.read() >= 0) {
            long trailing = 1 + in.transferTo(OutputStream.nullOutputStream());
            throw DataException.at(
                    file,
                    "byte " + offset,
                    String.format(
                            Locale.ROOT,
                            "expected the end of the %s after the data, found %d more bytes",
                            compressed ? "uncompressed stream" : "file",
                            trailing));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Converts {@code count} big-endian values of {@code type} into {@code values[from ..]}, one loop per type. */
    private static void decode(IdxType type, ByteBuffer bytes, int count, float[] values, int from) {
        switch (type) {
            case U8 -> {
                byte[] array = bytes.array();
                for (int i = 0; i < count; i++) {
                    values[from + i] = array[i] & 0xff;
                }
            }
            case I8 -> {
                byte[] array = bytes.array();
                for (int i = 0; i < count; i++) {
                    values[from + i] = array[i];
                }
            }
            case I16 -> {
                for (int i = 0; i < count; i++) {
                    values[from + i] = bytes.getShort(2 * i);
                }
            }
            case I32 -> {
                for (int i = 0; i < count; i++) {
                    values[from + i] = bytes.getInt(4 * i);
                }
            }
            case F32 -> {
                for (int i = 0; i < count; i++) {
                    values[from + i] = bytes.getFloat(4 * i);
                }
            }
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    values[from + i] = (float) bytes.getDouble(8 * i);
                }
            }
        }
    }

    /** Rejects the first non-finite value among {@code values[from, from + count)}; a double beyond float's is one. */
    private void requireFinite(float[] values, int from, int count, long dataStart, int width) {
        for (int i = from; i < from + count; i++) {
            if (!Float.isFinite(values[i])) {
                throw DataException.at(
                        file,
                        "byte " + (dataStart + (long) i * width),
                        String.format(
                                Locale.ROOT,
                                "value %d: expected a finite number within float's range, found %s",
                                i,
                                values[i]));
            }
        }
    }

    private byte[] readHeaderBytes(int count, String what) throws IOException {
        byte[] bytes = in.readNBytes(count);
        offset += bytes.length;
        if (bytes.length < count) {
            throw DataException.at(
                    file,
                    "byte " + offset,
                    String.format(
                            Locale.ROOT,
                            "truncated header: expected %d bytes of %s, found %d",
                            count,
                            what,
                            bytes.length));
        }
        return bytes;
    }
}
