package dev.netc.runtime.data;

import java.util.Arrays;

/**
 * The contents of one IDX file: its element type, its dimensions and its values as floats, row-major (the last
 * dimension varies fastest), as {@link IdxReader#read} returns them.
 */
public final class IdxArray {

    private final IdxType type;
    private final int[] dimensions;
    private final float[] values;

    IdxArray(IdxType type, int[] dimensions, float[] values) {
        this.type = type;
        this.dimensions = dimensions;
        this.values = values;
    }

    /** The element type the file declared. */
    public IdxType type() {
        return type;
    }

    /** The dimensions, outermost first, e.g. {@code [60000, 28, 28]} (a copy). */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** The values, row-major: the array itself, not a copy (it may be hundreds of megabytes). */
    public float[] values() {
        return values;
    }

    @Override
    public String toString() {
        return "IdxArray[" + type.describe() + " " + Arrays.toString(dimensions) + "]";
    }
}
