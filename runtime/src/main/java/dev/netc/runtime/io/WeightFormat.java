package dev.netc.runtime.io;

import dev.netc.runtime.io.WeightFileException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** The two weight formats netc reads, told apart by their first bytes rather than by the file's name. */
public enum WeightFormat {
    /** netc's own format ({@link WeightFile}): it starts with netc's magic number. */
    NETC,
    /** safetensors ({@link Safetensors}): an 8-byte header length, then a JSON object starting with {@code {}. */
    SAFETENSORS;

    /** Bytes looked at: the magic number, or the length and the brace. */
    private static final int PREFIX = 9;

    /**
     * The format of {@code path}. A file named {@code *.safetensors} is taken to be safetensors even when damaged, so
     * that reading it reports what is wrong with it.
     *
     * @throws WeightFileException {@link Problem#NOT_A_WEIGHT_FILE} for any other file, {@link Problem#IO_ERROR} if it
     *     cannot be read
     */
    public static WeightFormat of(Path path) throws WeightFileException {
        byte[] start;
        try (InputStream in = Files.newInputStream(path)) {
            start = in.readNBytes(PREFIX);
        } catch (IOException e) {
            throw new WeightFileException(
                    Problem.IO_ERROR,
                    path.toString(),
                    null,
                    "cannot read: " + IoErrors.describe(e, path.toString()),
                    e);
        }
        if (start.length >= SectionFile.MAGIC.length
                && Arrays.equals(start, 0, SectionFile.MAGIC.length, SectionFile.MAGIC, 0, SectionFile.MAGIC.length)) {
            return NETC;
        }
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        if ((start.length == PREFIX && start[PREFIX - 1] == '{') || name.endsWith(".safetensors")) {
            return SAFETENSORS;
        }
        throw new WeightFileException(
                Problem.NOT_A_WEIGHT_FILE,
                path.toString(),
                null,
                "neither a netc weight file (which starts with "
                        + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(SectionFile.MAGIC)
                        + ") nor a safetensors file (an 8-byte length, then '{'); found "
                        + (start.length == 0
                                ? "an empty file"
                                : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(start)));
    }
}
