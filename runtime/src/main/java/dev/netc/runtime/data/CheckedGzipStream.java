package dev.netc.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A gzip decoder (RFC 1952) that checks everything and says where it failed. It replaces {@link
 * java.util.zip.GZIPInputStream}, which checks a member's CRC-32 only when it is read to the very end, silently
 * ignores bytes after the last member that do not form a valid gzip header, and reports a truncated or corrupt stream
 * as a bare {@code EOFException} or {@code ZipException} without an offset.
 *
 * <p>Here each member's header is parsed (including its optional fields and header CRC), its deflate data inflated,
 * and its trailer's CRC-32 and length compared with the data as soon as the member ends. Members may follow one
 * another (their data is concatenated, as the RFC says); anything else after a member, zero padding included, is an
 * error. Every error is a {@link DataException} naming the file, the compressed byte offset and the member.
 *
 * <p>Reading to the end ({@code -1}) is what proves the last member intact: callers must do it.
 */
final class CheckedGzipStream extends InputStream {

    private static final int BUFFER = 1 << 16;
    private static final int FLAG_HEADER_CRC = 0x02;
    private static final int FLAG_EXTRA = 0x04;
    private static final int FLAG_NAME = 0x08;
    private static final int FLAG_COMMENT = 0x10;
    private static final int FLAGS_RESERVED = 0xe0;
    private static final int METHOD_DEFLATE = 8;

    private final InputStream in;
    private final Path file;
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] single = new byte[1];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 dataCrc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private int position;
    private int limit;
    /** The file offset of {@code buffer[0]}. */
    private long bufferStart;

    private int member;
    private long memberBytes;
    private boolean inMember;
    private boolean finished;

    CheckedGzipStream(InputStream in, Path file) {
        this.in = in;
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int count = read(single, 0, 1);
        return count < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] destination, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!finished) {
            if (!inMember) {
                readHeader();
            }
            int count = inflate(destination, offset, length);
            if (count > 0) {
                dataCrc.update(destination, offset, count);
                memberBytes += count;
                return count;
            }
            readTrailer();
            if (!available(1)) {
                finished = true;
            } else if (!available(2) || (buffer[position] & 0xff) != 0x1f || (buffer[position + 1] & 0xff) != 0x8b) {
                long trailing = limit - position + in.transferTo(OutputStream.nullOutputStream());
                throw DataException.at(
                        file,
                        "byte " + offset(),
                        String.format(
                                Locale.ROOT,
                                "expected the end of the file or another gzip member after member %d,"
                                        + " found %d bytes of other data",
                                member,
                                trailing));
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    private void readHeader() throws IOException {
        member++;
        headerCrc.reset();
        long start = offset();
        if (headerByte() != 0x1f || headerByte() != 0x8b) {
            throw corrupt(start, "expected the gzip magic number 0x1f8b");
        }
        int method = headerByte();
        if (method != METHOD_DEFLATE) {
            throw corrupt(start + 2, "expected compression method 8 (deflate), found " + method);
        }
        int flags = headerByte();
        if ((flags & FLAGS_RESERVED) != 0) {
            throw corrupt(start + 3, String.format(Locale.ROOT, "expected no reserved flags, found 0x%02x", flags));
        }
        for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
            headerByte();
        }
        if ((flags & FLAG_EXTRA) != 0) {
            int length = headerByte() | headerByte() << 8;
            for (int i = 0; i < length; i++) {
                headerByte();
            }
        }
        if ((flags & FLAG_NAME) != 0) {
            while (headerByte() != 0) {
                // the original file name, zero-terminated
            }
        }
        if ((flags & FLAG_COMMENT) != 0) {
            while (headerByte() != 0) {
                // a comment, zero-terminated
            }
        }
        if ((flags & FLAG_HEADER_CRC) != 0) {
            long expected = headerCrc.getValue() & 0xffff;
            long found = next("header") | next("header") << 8;
            if (found != expected) {
                throw corrupt(
                        offset() - 2,
                        String.format(
                                Locale.ROOT,
                                "header CRC check failed: stored 0x%04x, computed 0x%04x",
                                found,
                                expected));
            }
        }
        inflater.reset();
        inflater.setInput(buffer, position, limit - position);
        dataCrc.reset();
        memberBytes = 0;
        inMember = true;
    }

    /** Inflates into {@code destination}; 0 when the member's deflate data has ended. */
    private int inflate(byte[] destination, int offset, int length) throws IOException {
        while (true) {
            int count;
            try {
                count = inflater.inflate(destination, offset, length);
            } catch (DataFormatException e) {
                throw corrupt(offset(), "invalid deflate data (" + e.getMessage() + ")");
            }
            position = limit - inflater.getRemaining();
            if (count > 0) {
                return count;
            }
            if (inflater.finished()) {
                return 0;
            }
            if (inflater.needsDictionary()) {
                throw corrupt(offset(), "invalid deflate data (a preset dictionary, which gzip does not allow)");
            }
            if (!available(1)) {
                throw truncated("compressed data");
            }
            inflater.setInput(buffer, position, limit - position);
        }
    }

    private void readTrailer() throws IOException {
        long storedCrc = littleEndianInt();
        long storedLength = littleEndianInt();
        if (storedCrc != dataCrc.getValue()) {
            throw corrupt(
                    offset() - 8,
                    String.format(
                            Locale.ROOT,
                            "CRC-32 check failed: the trailer says 0x%08x, the data gives 0x%08x",
                            storedCrc,
                            dataCrc.getValue()));
        }
        if (storedLength != (memberBytes & 0xffffffffL)) {
            throw corrupt(
                    offset() - 4,
                    String.format(
                            Locale.ROOT,
                            "length check failed: the trailer says %d bytes (mod 2^32), the data has %d",
                            storedLength,
                            memberBytes));
        }
        inMember = false;
    }

    private long littleEndianInt() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) next("trailer") << (8 * i);
        }
        return value;
    }

    private int headerByte() throws IOException {
        int value = next("header");
        headerCrc.update(value);
        return value;
    }

    private int next(String part) throws IOException {
        if (!available(1)) {
            throw truncated(part);
        }
        return buffer[position++] & 0xff;
    }

    /**
     * Whether at least {@code count} unread bytes (at most a few) are in the buffer, reading more if needed. Only
     * called when the inflater holds no input of its own, so moving the unread bytes to the front is safe.
     */
    private boolean available(int count) throws IOException {
        if (limit - position >= count) {
            return true;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        bufferStart += position;
        limit -= position;
        position = 0;
        while (limit < count) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }

    private long offset() {
        return bufferStart + position;
    }

    private DataException truncated(String part) {
        return DataException.at(
                file,
                "byte " + offset(),
                "gzip stream truncated in the " + part + " of member " + member
                        + "; expected more data, found the end of the file");
    }

    private DataException corrupt(long at, String problem) {
        return DataException.at(file, "byte " + at, "corrupt gzip member " + member + ": " + problem);
    }
}
