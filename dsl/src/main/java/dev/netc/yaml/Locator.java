package dev.netc.yaml;

import dev.netc.spec.diag.FilePosition;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns places in one spec file into the 1-based {@link FilePosition}s that editors and javac print. SnakeYAML's
 * {@link Mark} counts lines and columns from 0; {@link #position} is the one place that adds 1. Columns count code
 * points, as SnakeYAML's do.
 *
 * @param path the file as positions name it
 */
record Locator(String path) {

    /** Where a SnakeYAML mark points. */
    FilePosition at(Mark mark) {
        return position(mark.getLine(), mark.getColumn());
    }

    /** Where a node starts (for a tagged or quoted value, its first character, the tag or the quote). */
    FilePosition at(Node node) {
        return at(node.getStartMark());
    }

    /** The start of the file, for problems of the file as a whole. */
    FilePosition start() {
        return position(0, 0);
    }

    /**
     * Where the code point with index {@code index} of {@code text} is, counting line breaks as SnakeYAML does (LF,
     * CR not followed by LF, NEL, LS and PS) and, like SnakeYAML, not counting a byte order mark as a column.
     */
    FilePosition atCodePoint(String text, int index) {
        int line = 0;
        int column = 0;
        int offset = 0;
        for (int count = 0; count < index && offset < text.length(); count++) {
            int c = text.codePointAt(offset);
            offset += Character.charCount(c);
            boolean crlf = c == '\r' && offset < text.length() && text.charAt(offset) == '\n';
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029' || (c == '\r' && !crlf)) {
                line++;
                column = 0;
            } else if (c != '\uFEFF') {
                column++;
            }
        }
        return position(line, column);
    }

    private FilePosition position(int zeroBasedLine, int zeroBasedColumn) {
        return new FilePosition(path, zeroBasedLine + 1, zeroBasedColumn + 1);
    }
}
