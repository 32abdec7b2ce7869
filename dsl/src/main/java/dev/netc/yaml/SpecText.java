package dev.netc.yaml;

import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A spec's bytes as text. The size is bounded before anything is read, so a huge file costs one {@code stat}, not a
 * parse; the bytes must be strict UTF-8 (a malformed byte is an error naming its offset, never a replacement
 * character that would change a name silently).
 */
final class SpecText {

    /** The largest spec accepted, in bytes: real specs are a few hundred bytes. */
    static final int MAX_BYTES = 1 << 20;

    private SpecText() {}

    /** Reads {@code file}, reporting a missing or unreadable file, one above the size cap, or invalid UTF-8. */
    static Optional<String> read(Path file, Locator locator, Diagnostics diagnostics) {
        byte[] content;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                diagnostics.error(DiagnosticCode.SPEC_TOO_LARGE, locator.start(), size, MAX_BYTES);
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(MAX_BYTES + 1); // one more than allowed: a file that grew is still caught
            }
        } catch (IOException e) {
            diagnostics.error(DiagnosticCode.SPEC_UNREADABLE, locator.start(), reason(e));
            return Optional.empty();
        }
        return decode(content, locator, diagnostics);
    }

    /** Decodes {@code content}, reporting content above the size cap or invalid UTF-8. */
    static Optional<String> decode(byte[] content, Locator locator, Diagnostics diagnostics) {
        if (content.length > MAX_BYTES) {
            diagnostics.error(DiagnosticCode.SPEC_TOO_LARGE, locator.start(), content.length, MAX_BYTES);
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length); // UTF-8 never needs more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        String text = out.flip().toString();
        if (result.isError()) {
            int offset = in.position();
            String problem = String.format(
                    Locale.ROOT,
                    "invalid byte sequence starting with 0x%02X at byte offset %d",
                    content[offset] & 0xFF,
                    offset);
            diagnostics.error(
                    DiagnosticCode.NOT_UTF8, locator.atCodePoint(text, text.codePointCount(0, text.length())), problem);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
