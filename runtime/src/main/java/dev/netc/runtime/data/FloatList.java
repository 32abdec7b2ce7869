package dev.netc.runtime.data;

import java.util.Arrays;

/** A growable list of floats, for loaders that do not know the number of rows before the end of the file. */
final class FloatList {

    private float[] values = new float[1024];
    private int size;

    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, grownCapacity());
        }
        values[size++] = value;
    }

    void addAll(float[] row) {
        while (values.length - size < row.length) {
            values = Arrays.copyOf(values, grownCapacity());
        }
        System.arraycopy(row, 0, values, size, row.length);
        size += row.length;
    }

    int size() {
        return size;
    }

    /** The values, in an array of exactly {@link #size()}. */
    float[] toArray() {
        return Arrays.copyOf(values, size);
    }

    private int grownCapacity() {
        long grown = values.length + (values.length >> 1) + 1L;
        if (grown > Integer.MAX_VALUE - 8) {
            throw new DataException("more than 2^31 - 9 values; expected a data set that fits in one float array");
        }
        return (int) grown;
    }
}
