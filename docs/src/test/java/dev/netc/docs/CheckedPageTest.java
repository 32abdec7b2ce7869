package dev.netc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The marker grammar: what a page must write for a block to be checked, and what it must not get wrong. */
class CheckedPageTest {

    @Test
    void readsMarkedBlocksWithTheirKindNameLanguageAndText() {
        CheckedPage page = CheckedPage.parse(
                "page.md",
                """
                # A page

                An unmarked block is prose:

                ```java
                class Unchecked {}
                ```

                <!-- check: file demo/src/Main.java -->
                ```java
                class Main {}
                ```

                <!-- check: run demo -->
                ```sh
                mvn -q compile
                ```

                <!-- check: output -->
                ```text
                done
                ```
                """);

        assertEquals(3, page.blocks().size());
        CheckedBlock file = page.file("demo/src/Main.java");
        assertEquals(
                List.of("file", "java", "class Main {}\n", 9),
                List.of(file.kind(), file.language(), file.text(), file.line()));
        assertEquals(List.of("src/Main.java"), List.copyOf(page.files("demo").keySet()));
        CheckedBlock run = page.ofKind("run").get(0);
        assertEquals("demo", run.name());
        assertEquals("done\n", page.outputOf(run).orElseThrow().text());
        assertTrue(page.outputOf(file).isEmpty(), "a file has no output");
    }

    @Test
    void aMarkerInsideACodeBlockIsCode() {
        CheckedPage page = CheckedPage.parse(
                "page.md",
                """
                ```markdown
                <!-- check: nonsense -->
                ```
                """);

        assertEquals(0, page.blocks().size());
    }

    @Test
    void refusesMistakesNamingTheLine() {
        assertRefused("page.md:2: expected a marker", "text\n<!-- check: fiel a.java -->\n```java\n```\n");
        assertRefused("page.md:1: a 'file' marker takes a name", "<!-- check: file -->\n```java\n```\n");
        assertRefused("page.md:1: a 'netc' marker takes no name", "<!-- check: netc x -->\n```sh\n```\n");
        assertRefused(
                "page.md:1: expected a fenced code block on the line after the marker, found ''",
                "<!-- check: output -->\n\n```text\n```\n");
        assertRefused("page.md:1: the code block after the marker is never closed", "<!-- check: netc -->\n```sh\nx\n");
        assertRefused("page.md: a code block is never closed", "```sh\nx\n");
        assertRefused(
                "page.md:4: file a.txt is already written at line 1",
                "<!-- check: file a.txt -->\n```\n```\n<!-- check: file a.txt -->\n```\n```\n");
        assertRefused(
                "page.md:1: an output block needs a run or netc block above it", "<!-- check: output -->\n```\n```\n");
        assertRefused(
                "page.md:7: the command at line 1 already has its output at line 4",
                "<!-- check: netc -->\n```\n```\n<!-- check: output -->\n```\n```\n<!-- check: output -->\n```\n```\n");
    }

    private static void assertRefused(String message, String markdown) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CheckedPage.parse("page.md", markdown));
        assertTrue(e.getMessage().startsWith(message), "expected '" + message + "...', found " + e.getMessage());
    }
}
