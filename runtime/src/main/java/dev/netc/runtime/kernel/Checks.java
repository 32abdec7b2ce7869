package dev.netc.runtime.kernel;

/** Argument checks of the dense kernels, done once per call so that no tile can fail half-way through its output. */
final class Checks {

    private Checks() {}

    /**
     * The largest number of rows, inputs or units of one call: the vector kernels count their loops in steps of 32
     * per row, unit or vector, in an int.
     */
    static final int MAX_SIZE = (1 << 26) - 1;

    /** Checks that a layer has inputs and units, that the row count is not negative, and that none is too large. */
    static void shape(int inputs, int units, int rows) {
        if (inputs < 1 || units < 1 || rows < 0 || inputs > MAX_SIZE || units > MAX_SIZE || rows > MAX_SIZE) {
            throw new IllegalArgumentException("a dense block needs 1 <= inputs, units <= " + MAX_SIZE
                    + " and 0 <= rows <= " + MAX_SIZE + ", found inputs " + inputs + ", units " + units + ", rows "
                    + rows);
        }
    }

    /** Checks that {@code length} floats from {@code offset} lie within {@code array}. */
    static void range(String what, float[] array, int offset, long length) {
        if (offset < 0 || offset + length > array.length) {
            throw new IndexOutOfBoundsException(what + ": " + length + " floats from offset " + offset
                    + " do not fit in an array of " + array.length);
        }
    }
}
