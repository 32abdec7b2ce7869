package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The excerpts of generated code that {@code docs/generated-code.md} quotes are real: each {@code java} block follows
 * a comment {@code <!-- golden: <TestClass>/<method>/<fqcn>.java -->} naming the golden it comes from, and occurs in
 * that golden as written; a line {@code ...} in a block skips lines, and the parts around it must occur in order. When
 * a change of the generator rewrites the goldens, this test names the excerpts to update.
 */
class GeneratedCodeDocTest {

    private static final Path PAGE = Path.of("..", "docs", "generated-code.md");
    private static final Path GOLDENS = Path.of("src", "test", "resources", "goldens");
    private static final Pattern BLOCK =
            Pattern.compile("(<!-- golden: (\\S+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);

    /** Excerpts the tour quotes at least: it shows every part of a class. */
    private static final int AT_LEAST = 10;

    @Test
    void everyQuotedExcerptOccursInItsGolden() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Matcher block = BLOCK.matcher(page);
        List<String> checked = new ArrayList<>();
        while (block.find()) {
            String excerpt = block.group(3);
            if (block.group(2) == null) {
                fail("a java block of " + PAGE + " names no golden:\n" + excerpt);
            }
            Path golden = GOLDENS.resolve(block.group(2));
            assertTrue(Files.exists(golden), "golden " + golden + " named by " + PAGE);
            String source = Files.readString(golden, StandardCharsets.UTF_8);
            int from = 0;
            for (String part : excerpt.split("(?m)^\\s*\\.\\.\\.\\n")) {
                int at = source.indexOf(part, from);
                if (at < 0) {
                    fail(PAGE + " quotes, from " + golden + ", lines that are not there (in this order):\n" + part);
                }
                from = at + part.length();
            }
            checked.add(block.group(2));
        }
        assertTrue(checked.size() >= AT_LEAST, "excerpts checked: " + checked.size());
    }
}
