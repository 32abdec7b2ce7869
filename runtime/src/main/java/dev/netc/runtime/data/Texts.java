package dev.netc.runtime.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Small pieces of the loaders' messages. */
final class Texts {

    /** Longest quoted value shown in a message; the rest is elided. */
    private static final int QUOTE_LIMIT = 40;

    private Texts() {}

    /** {@code text} in double quotes, control characters escaped and long text cut, as a message shows a found value. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        int shown = Math.min(text.length(), QUOTE_LIMIT);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < ' ' || c == 0x7f) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        if (shown < text.length()) {
            quoted.append("...");
        }
        return quoted.append('"').toString();
    }

    /** The exception for a file that cannot be opened or read, its cause kept. */
    static DataException unreadable(Path file, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new DataException(file + ": cannot read the file: " + reason, e);
    }
}
