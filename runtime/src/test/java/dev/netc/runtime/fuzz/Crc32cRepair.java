package dev.netc.runtime.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Rewrites the checksums of a netc container so that they match its bytes. A fuzzer almost never guesses a CRC32C, so
 * without this it would stop at the checksum checks and never reach the decoders of the sections behind them. The
 * layout (see {@code docs/weights.md}) is walked as far as it holds together; what lies beyond is left as it is.
 *
 * <pre>
 * header   magic 8 | major u16 | minor u16 | kind 4 | sections u32 | CRC32C u32 of the 20 bytes before it
 * section  name length u8 | name | payload length u64 | payload | CRC32C u32 of the section's bytes before it
 * </pre>
 */
final class Crc32cRepair {

    private static final int HEADER_CHECKED = 20;

    private Crc32cRepair() {}

    /** A copy of {@code file} with every checksum that the layout locates set to the checksum of its bytes. */
    static byte[] repaired(byte[] file) {
        byte[] copy = file.clone();
        ByteBuffer bytes = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        if (copy.length < HEADER_CHECKED + Integer.BYTES) {
            return copy;
        }
        bytes.putInt(HEADER_CHECKED, checksum(copy, 0, HEADER_CHECKED));
        int section = HEADER_CHECKED + Integer.BYTES;
        while (section < copy.length) {
            long lengthAt = section + 1L + Byte.toUnsignedInt(copy[section]);
            if (lengthAt + Long.BYTES > copy.length) {
                break;
            }
            long payload = bytes.getLong((int) lengthAt);
            long checksumAt = lengthAt + Long.BYTES + payload;
            if (payload < 0 || checksumAt + Integer.BYTES > copy.length) {
                break;
            }
            bytes.putInt((int) checksumAt, checksum(copy, section, (int) checksumAt - section));
            section = (int) checksumAt + Integer.BYTES;
        }
        return copy;
    }

    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
