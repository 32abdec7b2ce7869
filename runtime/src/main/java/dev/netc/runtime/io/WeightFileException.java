package dev.netc.runtime.io;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a weight file (netc's own format or safetensors) could not be read, written or used. The one exception of this
 * package: its message names the file, the part of it concerned (a section, a tensor, a byte offset) when there is
 * one, what was expected and what was found, and ends with a stable tag such as {@code [weights:checksum-mismatch]}
 * that tests and scripts can match. It is an {@link IOException}, so callers that already handle I/O failures handle
 * it too; failures of the file system itself (a missing file, a full disk) arrive as one with
 * {@link Problem#IO_ERROR} and the original exception as the cause.
 */
public final class WeightFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, each with a stable tag. */
    public enum Problem {
        /** The file system refused: missing file, no permission, disk full, not a directory. */
        IO_ERROR,
        /** The first bytes are not netc's magic number. */
        NOT_A_WEIGHT_FILE,
        /** The file is of another major format version, or is a netc file of another kind. */
        UNSUPPORTED_VERSION,
        /** The file ends before a length it declares. */
        TRUNCATED,
        /** Bytes follow the last section or tensor. */
        TRAILING_BYTES,
        /** A stored CRC32C does not match the bytes. */
        CHECKSUM_MISMATCH,
        /** A section or header is present but its content does not follow the format. */
        MALFORMED,
        /** A required section is absent. */
        MISSING_SECTION,
        /** A section appears twice or is not one this kind of file has. */
        UNEXPECTED_SECTION,
        /** The file holds weights of a network of another shape. */
        ARCHITECTURE_MISMATCH,
        /** safetensors: the header length is above the format's limit of 100,000,000 bytes. */
        HEADER_TOO_LARGE,
        /** safetensors: the file is shorter than 8 bytes, or than the header length it declares. */
        INVALID_HEADER_LENGTH,
        /** safetensors: the header is not UTF-8, does not start with {@code {}, or is not the JSON the format wants. */
        INVALID_HEADER,
        /** safetensors: two tensors have the same name. */
        DUPLICATE_TENSOR,
        /** safetensors: a tensor's offsets overlap another's, leave a gap, or run backwards. */
        INVALID_OFFSET,
        /** safetensors: a tensor's byte count is not its shape's element count times its dtype size. */
        TENSOR_INVALID_INFO,
        /** safetensors: a shape's element count or byte count overflows. */
        VALIDATION_OVERFLOW,
        /** safetensors: the tensors do not end exactly where the file ends. */
        INCOMPLETE_BUFFER,
        /** safetensors: a tensor has a dtype other than the one the network needs. */
        WRONG_DTYPE,
        /** The network needs a tensor the file does not have. */
        MISSING_TENSOR,
        /** The file has a tensor the network does not use. */
        UNEXPECTED_TENSOR,
        /** A tensor's shape is not the one the network needs. */
        SHAPE_MISMATCH;

        /** The stable tag, for example {@code checksum-mismatch}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Problem problem;
    private final String file;

    /**
     * @param problem what went wrong
     * @param file the file as the user named it
     * @param where the part of the file concerned, for example {@code section 'parameters'} or {@code tensor
     *     '0.weight'}; {@code null} when the message concerns the file as a whole
     * @param message what was expected and what was found
     */
    public WeightFileException(Problem problem, String file, String where, String message) {
        this(problem, file, where, message, null);
    }

    /** As {@link #WeightFileException(Problem, String, String, String)}, with the exception that caused it. */
    public WeightFileException(Problem problem, String file, String where, String message, Throwable cause) {
        super(format(problem, file, where, message), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.file = Objects.requireNonNull(file, "file");
    }

    /** What went wrong. */
    public Problem problem() {
        return problem;
    }

    /** The file, as the user named it. */
    public String file() {
        return file;
    }

    private static String format(Problem problem, String file, String where, String message) {
        String place = where == null ? "" : where + ": ";
        return file + ": " + place + message + " [weights:" + problem.tag() + "]";
    }
}
