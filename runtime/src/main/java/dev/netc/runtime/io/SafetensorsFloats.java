package dev.netc.runtime.io;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;

/**
 * The safetensors element types a network's float parameters load from, and their conversion to float: {@code F32}
 * as it is; {@code F16} and {@code BF16} exactly (every value of theirs is a float); {@code F64} rounded to the
 * nearest float, as PyTorch's {@code tensor.float()} rounds.
 */
final class SafetensorsFloats {

    /** The loadable types. */
    static final Set<SafetensorsDtype> TYPES =
            EnumSet.of(SafetensorsDtype.F32, SafetensorsDtype.F16, SafetensorsDtype.BF16, SafetensorsDtype.F64);

    private SafetensorsFloats() {}

    /** Whether a tensor of {@code dtype} (as a header spells it) loads into float parameters. */
    static boolean loads(String dtype) {
        return SafetensorsDtype.named(dtype).filter(TYPES::contains).isPresent();
    }

    /**
     * Decodes {@code count} little-endian elements of {@code type} from {@code bytes} (positioned at the first) into
     * {@code floats} from {@code at}.
     */
    static void decode(SafetensorsDtype type, ByteBuffer bytes, float[] floats, int at, int count) {
        switch (type) {
            case F32 -> bytes.asFloatBuffer().get(floats, at, count);
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    floats[at + i] = (float) bytes.getDouble();
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    floats[at + i] = Float.intBitsToFloat((bytes.getShort() & 0xFFFF) << 16);
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    floats[at + i] = halfToFloat(bytes.getShort());
                }
            }
            default -> throw new IllegalArgumentException("not a float type netc loads: " + type);
        }
    }

    /**
     * An IEEE 754 binary16 value as a float, exactly: the sign moved, the 5-bit exponent rebased from bias 15 to 127,
     * the 10-bit fraction moved up by 13 bits; subnormal halves become normal floats, and infinities and NaNs stay so
     * (a NaN keeps its payload).
     */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | fraction << 13);
        }
        if (exponent == 0) {
            if (fraction == 0) {
                return Float.intBitsToFloat(sign);
            }
            // a subnormal half, fraction * 2^-24: shift the fraction up until its leading 1 is the implicit bit
            int shift = Integer.numberOfLeadingZeros(fraction) - 21;
            fraction = (fraction << shift) & 0x3FF;
            exponent = 1 - shift;
        }
        return Float.intBitsToFloat(sign | (exponent - 15 + 127) << 23 | fraction << 13);
    }
}
