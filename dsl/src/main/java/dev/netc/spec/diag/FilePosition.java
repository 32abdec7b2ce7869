package dev.netc.spec.diag;

import java.util.Objects;

/**
 * A place in a text file, with 1-based line and column (the numbers editors and javac print).
 *
 * @param path the file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 */
public record FilePosition(String path, int line, int column) implements SourcePosition {

    public FilePosition {
        Objects.requireNonNull(path, "path");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    @Override
    public String describe() {
        return path + ":" + line + ":" + column;
    }
}
