package dev.netc.runtime.reference;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/** Converts between the public {@code double[][]} batches (one row per sample) and EJML matrices, checking shapes. */
final class Batches {

    private Batches() {}

    /**
     * A copy of {@code rows} as a matrix.
     *
     * @param what what the rows are, for messages ("batch", "targets")
     * @param rows at least one row, each of {@code columns} values; not modified
     * @throws IllegalArgumentException if the shape is not {@code [n >= 1][columns]}
     */
    static DMatrixRMaj toMatrix(String what, double[][] rows, int columns) {
        if (rows.length == 0) {
            throw new IllegalArgumentException(what + ": expected at least one row, found none");
        }
        DMatrixRMaj matrix = new DMatrixRMaj(rows.length, columns);
        for (int row = 0; row < rows.length; row++) {
            if (rows[row].length != columns) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "%s row %d: expected %d values, found %d", what, row, columns, rows[row].length));
            }
            System.arraycopy(rows[row], 0, matrix.data, row * columns, columns);
        }
        return matrix;
    }

    /** {@code matrix} as rows (a copy). */
    static double[][] toRows(DMatrixRMaj matrix) {
        double[][] rows = new double[matrix.numRows][matrix.numCols];
        for (int row = 0; row < matrix.numRows; row++) {
            System.arraycopy(matrix.data, row * matrix.numCols, rows[row], 0, matrix.numCols);
        }
        return rows;
    }
}
