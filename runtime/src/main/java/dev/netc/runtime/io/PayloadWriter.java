package dev.netc.runtime.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds a section's payload in the little-endian encoding {@link PayloadReader} reads. */
final class PayloadWriter {

    /** The longest string, in UTF-8 bytes, that the 16-bit length prefix can carry. */
    static final int MAX_STRING_BYTES = 0xFFFF;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteBuffer scratch = ByteBuffer.allocate(Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);

    PayloadWriter flag(boolean value) {
        out.write(value ? 1 : 0);
        return this;
    }

    /** An unsigned 32-bit count; {@code value} must not be negative. */
    PayloadWriter count(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative count " + value);
        }
        scratch.clear();
        out.write(scratch.putInt(value).array(), 0, Integer.BYTES);
        return this;
    }

    /** A signed 64-bit integer, such as a seed or a step counter. */
    PayloadWriter integer(long value) {
        scratch.clear();
        out.write(scratch.putLong(value).array(), 0, Long.BYTES);
        return this;
    }

    PayloadWriter number(double value) {
        scratch.clear();
        out.write(scratch.putDouble(value).array(), 0, Double.BYTES);
        return this;
    }

    /** A 16-bit byte length, then the UTF-8 bytes. */
    PayloadWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + utf8.length + " bytes is too long to store");
        }
        scratch.clear();
        out.write(scratch.putShort((short) utf8.length).array(), 0, Short.BYTES);
        out.write(utf8, 0, utf8.length);
        return this;
    }

    /** Little-endian 32-bit floats. */
    PayloadWriter floats(float[] values) {
        byte[] bytes = littleEndian(values);
        out.write(bytes, 0, bytes.length);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** {@code values} as little-endian 32-bit floats: a parameters section, with no copy through a stream. */
    static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(values.length, Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }
}
