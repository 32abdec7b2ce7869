package dev.netc.runtime.data;

import java.nio.file.Path;

/**
 * Bad data, or a data file that cannot be read. The message stands on its own: it names the file or data set, where
 * in it the problem is (a line and column of a CSV file, a byte offset of an IDX file, a row and feature of a data
 * set), what was expected and what was found:
 *
 * <pre>
 * data/iris.csv: line 7, column 'sepal_width' (index 1): expected a decimal number, found "abc"
 * train-images-idx3-ubyte.gz: byte 2: expected IDX data type 0x08 (u8), found 0x0d (f32)
 * </pre>
 *
 * <p>It is the one exception of this package, whatever failed underneath: the loaders turn I/O errors, Commons CSV's
 * parse errors and {@code java.util.zip}'s errors into it, keeping the original as the cause, so a caller catches one
 * type and prints its message. It is unchecked, as {@link java.io.UncheckedIOException} is: a bad file is rarely
 * something the code between the loader and the user can repair, so it travels to whatever reports it (the command
 * line, the trainer, a test) without a {@code throws} clause on every method in between. Every method that can throw
 * it says so in its Javadoc.
 *
 * <p>Mistakes in the calling code itself (a negative batch size, a row index out of range) are {@link
 * IllegalArgumentException}s, as elsewhere in the runtime. Whether a column named in a builder exists depends on the
 * file, so that is a {@code DataException}.
 */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a complete message: where, what was expected, what was found. */
    public DataException(String message) {
        super(message);
    }

    /** An exception with a complete message, caused by a lower-level exception (kept for debugging). */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code "<file>: <where>: <what>"}, the shape of every message about a place in a file. */
    static DataException at(Path file, String where, String what) {
        return new DataException(file + ": " + where + ": " + what);
    }

    /** {@code "<file>: <what>"}, for problems with the file as a whole. */
    static DataException in(Path file, String what) {
        return new DataException(file + ": " + what);
    }
}
