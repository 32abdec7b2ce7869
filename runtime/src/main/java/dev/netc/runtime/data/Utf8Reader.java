package dev.netc.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Strict UTF-8 decoding for text data files. It differs from {@code Files.newBufferedReader} in two ways: a malformed
 * byte is reported with its line and byte offset (the JDK's {@code MalformedInputException} says only "Input length =
 * 1"), and a byte-order mark at the start is dropped, so that it does not become part of the first column's name.
 *
 * <p>Errors are thrown as {@link DataException}, unchecked, so they pass through the CSV parser unchanged.
 */
final class Utf8Reader extends Reader {

    private static final int BUFFER = 1 << 16;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final Path file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    /** The file offset of {@code bytes.array()[0]}. */
    private long bytesBefore;
    /** Line breaks in the text decoded before {@link #chars}' current content. */
    private long lineBreaks;
    /** Whether that text ended with {@code \r}, so that a {@code \n} starting the next is part of the same break. */
    private boolean afterCarriageReturn;

    private boolean endOfInput;
    /** The decoder has been flushed: it takes no more input, and further reads are at the end (Reader's contract). */
    private boolean flushed;

    private boolean atStart = true;

    Utf8Reader(InputStream in, Path file) {
        this.in = in;
        this.file = file;
    }

    @Override
    public int read(char[] destination, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int count = Math.min(length, chars.remaining());
        chars.get(destination, offset, count);
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Refills {@link #chars} with at least one character; false at the end of the file. */
    private boolean decodeMore() throws IOException {
        if (chars.limit() > 0) {
            lineBreaks += lineBreaks(chars.array(), chars.limit());
            afterCarriageReturn = chars.get(chars.limit() - 1) == '\r';
        }
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                throw malformed(result.length());
            }
            if (chars.position() > 0) {
                break;
            }
            if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            readBytes();
        }
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(0) == BYTE_ORDER_MARK) {
                chars.position(1);
            }
        }
        return chars.hasRemaining() || !endOfInput;
    }

    private void readBytes() throws IOException {
        bytesBefore += bytes.position();
        bytes.compact();
        int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (count < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + count);
        }
        bytes.flip();
    }

    private DataException malformed(int length) {
        long offset = bytesBefore + bytes.position();
        long line = 1 + lineBreaks + lineBreaks(chars.array(), chars.position());
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
            found.append(String.format(Locale.ROOT, "%s0x%02x", i == 0 ? "" : " ", bytes.get(bytes.position() + i)));
        }
        String hint = offset == 0 && looksLikeUtf16() ? " (the file looks like UTF-16; save it as UTF-8)" : "";
        return DataException.at(
                file,
                String.format(Locale.ROOT, "line %d (byte %d)", line, offset),
                "expected UTF-8 text, found the bytes " + found + hint);
    }

    private boolean looksLikeUtf16() {
        if (bytes.limit() - bytes.position() < 2) {
            return false;
        }
        int first = bytes.get(bytes.position()) & 0xff;
        int second = bytes.get(bytes.position() + 1) & 0xff;
        return (first == 0xff && second == 0xfe) || (first == 0xfe && second == 0xff);
    }

    /**
     * Line breaks in {@code text[0, length)}, which follows the text counted so far: {@code \r\n}, {@code \n} and a
     * lone {@code \r} each end a line, as for the CSV parser.
     */
    private long lineBreaks(char[] text, int length) {
        long count = 0;
        boolean previousCarriageReturn = afterCarriageReturn;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c == '\r' || (c == '\n' && !previousCarriageReturn)) {
                count++;
            }
            previousCarriageReturn = c == '\r';
        }
        return count;
    }
}
