package dev.netc.runtime.data;

import java.util.Locale;

/**
 * The element types of the IDX format (LeCun's MNIST format): the third byte of an IDX file's magic number. Values are
 * big-endian. {@link IdxReader} reads each into a float: 8- and 16-bit integers exactly, 32-bit integers exactly up
 * to 2^24 in magnitude and rounded beyond, doubles rounded to the nearest float.
 */
public enum IdxType {
    /** Unsigned byte, 0 to 255 (MNIST's pixels and labels). */
    U8(0x08, 1),
    /** Signed byte. */
    I8(0x09, 1),
    /** Signed 16-bit integer. */
    I16(0x0B, 2),
    /** Signed 32-bit integer. */
    I32(0x0C, 4),
    /** 32-bit IEEE float. */
    F32(0x0D, 4),
    /** 64-bit IEEE float. */
    F64(0x0E, 8);

    private final int code;
    private final int bytes;

    IdxType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The type's code in the magic number. */
    public int code() {
        return code;
    }

    /** The size of one value in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Whether values are whole numbers (and so can be class labels). */
    public boolean isIntegral() {
        return this != F32 && this != F64;
    }

    /** The type with {@code code}, or null if the format has none. */
    static IdxType of(int code) {
        for (IdxType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** {@code 0x08 (u8)}, as messages show a type. */
    String describe() {
        return String.format(Locale.ROOT, "0x%02x (%s)", code, name().toLowerCase(Locale.ROOT));
    }
}
