package dev.netc.runtime.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An IDX header as read: the type, the dimensions, and the number of values they make (computed without overflow:
 * -1 when the product exceeds {@link Long#MAX_VALUE}).
 */
record IdxHeader(IdxType type, int[] dimensions, long valueCount) {

    /** The size of the header in bytes: the 4-byte magic number and 4 bytes per dimension. */
    int bytes() {
        return 4 + 4 * dimensions.length;
    }

    /** {@code 60000 x 28 x 28}, as messages show the dimensions. */
    String describeDimensions() {
        return Arrays.stream(dimensions).mapToObj(Integer::toString).collect(Collectors.joining(" x "));
    }
}
