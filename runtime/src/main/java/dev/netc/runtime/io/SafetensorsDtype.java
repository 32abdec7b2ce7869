package dev.netc.runtime.io;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types of the safetensors format, with their sizes in bits, as the reference implementation lists them
 * (huggingface/safetensors, {@code Dtype::bitsize}). Every type is known so that any valid file can be checked and
 * inspected; netc loads the float types of {@link SafetensorsFloats} into a network.
 */
enum SafetensorsDtype {
    BOOL(8),
    F4(4),
    F6_E2M3(6),
    F6_E3M2(6),
    U8(8),
    I8(8),
    F8_E5M2(8),
    F8_E4M3(8),
    F8_E8M0(8),
    I16(16),
    U16(16),
    F16(16),
    BF16(16),
    I32(32),
    U32(32),
    F32(32),
    C64(64),
    F64(64),
    I64(64),
    U64(64);

    private final int bits;

    SafetensorsDtype(int bits) {
        this.bits = bits;
    }

    /** Size of one element in bits (sub-byte types pack several elements in a byte). */
    int bits() {
        return bits;
    }

    /** The type spelt as in a header, for example {@code F32}; empty for a name the format does not define. */
    static Optional<SafetensorsDtype> named(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
