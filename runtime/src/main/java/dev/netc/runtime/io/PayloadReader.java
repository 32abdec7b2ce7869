package dev.netc.runtime.io;

import dev.netc.runtime.io.WeightFileException.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the little-endian fields of one section's payload. Every length is checked against the bytes that remain
 * before anything is allocated, so a corrupt count fails with a message instead of an {@link OutOfMemoryError}; every
 * failure names the file, the section and the byte offset within the section.
 */
final class PayloadReader {

    private final ByteBuffer bytes;
    private final String file;
    private final String section;

    PayloadReader(byte[] payload, String file, String section) {
        this.bytes = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        this.file = file;
        this.section = section;
    }

    /** The offset of the next field in the payload, for a message about it. */
    int position() {
        return bytes.position();
    }

    /** A one-byte flag, 0 or 1. */
    boolean flag(String what) throws WeightFileException {
        int at = bytes.position();
        int value = Byte.toUnsignedInt(take(1, what).get());
        if (value > 1) {
            throw malformed(at, what + ": expected 0 or 1, found " + value);
        }
        return value == 1;
    }

    /** An unsigned 32-bit count or size, which must lie in {@code [min, max]}. */
    int count(String what, int min, int max) throws WeightFileException {
        int at = bytes.position();
        long value = Integer.toUnsignedLong(take(4, what).getInt());
        if (value < min || value > max) {
            throw malformed(at, String.format(Locale.ROOT, "%s: expected %d to %d, found %d", what, min, max, value));
        }
        return (int) value;
    }

    /** A signed 64-bit integer in {@code [min, max]}. */
    long integer(String what, long min, long max) throws WeightFileException {
        int at = bytes.position();
        long value = take(8, what).getLong();
        if (value < min || value > max) {
            throw malformed(at, String.format(Locale.ROOT, "%s: expected %d to %d, found %d", what, min, max, value));
        }
        return value;
    }

    /** A finite 64-bit float in {@code [min, max]}. */
    double number(String what, double min, double max) throws WeightFileException {
        int at = bytes.position();
        double value = take(8, what).getDouble();
        if (!(value >= min && value <= max)) {
            throw malformed(at, String.format(Locale.ROOT, "%s: expected %s to %s, found %s", what, min, max, value));
        }
        return value;
    }

    /** A 64-bit float of any value, NaN and infinities included: a figure that may be undefined. */
    double anyNumber(String what) throws WeightFileException {
        return take(8, what).getDouble();
    }

    /** A string: an unsigned 16-bit byte length, then that many bytes of strict UTF-8. */
    String string(String what) throws WeightFileException {
        int length = Short.toUnsignedInt(take(2, what).getShort());
        int at = bytes.position();
        ByteBuffer slice = take(length, what);
        try {
            CharBuffer decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice);
            return decoded.toString();
        } catch (CharacterCodingException e) {
            throw malformed(at, what + " is not valid UTF-8");
        }
    }

    /** {@code count} little-endian 32-bit floats. */
    float[] floats(int count, String what) throws WeightFileException {
        float[] values = new float[checkedLength(count, Float.BYTES, what)];
        take((long) count * Float.BYTES, what).asFloatBuffer().get(values);
        return values;
    }

    /** Fails unless every byte of the payload has been read. */
    void expectEnd() throws WeightFileException {
        if (bytes.hasRemaining()) {
            throw malformed(
                    bytes.position(),
                    String.format(
                            Locale.ROOT, "expected the end of the section, found %d more bytes", bytes.remaining()));
        }
    }

    /** A failure at byte {@code at} of the section. */
    WeightFileException malformed(int at, String message) {
        return new WeightFileException(Problem.MALFORMED, file, "section '" + section + "', byte " + at, message);
    }

    private int checkedLength(int count, int size, String what) throws WeightFileException {
        if ((long) count * size > bytes.remaining()) {
            throw malformed(
                    bytes.position(),
                    String.format(
                            Locale.ROOT,
                            "%s: %d values need %d bytes, only %d remain",
                            what,
                            count,
                            (long) count * size,
                            bytes.remaining()));
        }
        return count;
    }

    /** The next {@code length} bytes as a little-endian view, after checking that they exist. */
    private ByteBuffer take(long length, String what) throws WeightFileException {
        if (length > bytes.remaining()) {
            throw malformed(
                    bytes.position(),
                    String.format(
                            Locale.ROOT,
                            "%s needs %d bytes, only %d remain in the section",
                            what,
                            length,
                            bytes.remaining()));
        }
        ByteBuffer view = bytes.slice().order(ByteOrder.LITTLE_ENDIAN).limit((int) length);
        bytes.position(bytes.position() + (int) length);
        return view;
    }
}
