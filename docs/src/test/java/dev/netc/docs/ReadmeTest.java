package dev.netc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's promises to a newcomer: its two commands are there as written, it links the quickstart before
 * anything else, and its documentation index links every page under docs/.
 */
class ReadmeTest {

    private static final String DOCUMENTATION = "## Documentation";

    private final String readme = read(Repository.file("README.md"));

    @Test
    void keepsItsTwoCommands() {
        assertTrue(readme.contains("```sh\nbin/demo\n```\n"), "the demo command, alone in a sh block");
        assertTrue(readme.contains("```sh\nmvn -B -ntp verify\n```\n"), "the test command, alone in a sh block");
    }

    @Test
    void linksTheQuickstartFirstInTheIntroductionAndTheIndex() {
        List<Markdown.Link> links = Markdown.links(readme);
        int indexLine = lineOf(DOCUMENTATION);

        assertEquals("docs/quickstart.md", links.get(0).target(), "the README's first link");
        assertEquals(
                "docs/quickstart.md",
                links.stream()
                        .filter(link -> link.line() > indexLine)
                        .findFirst()
                        .map(Markdown.Link::target)
                        .orElse("(none)"),
                "the documentation index's first link");
    }

    @Test
    void theIndexLinksEveryPageUnderDocs() throws IOException {
        int indexLine = lineOf(DOCUMENTATION);
        int nextSection = Markdown.prose(readme).stream()
                .filter(line -> line.getKey() > indexLine && line.getValue().startsWith("## "))
                .map(line -> line.getKey())
                .findFirst()
                .orElse(Integer.MAX_VALUE);
        Set<String> indexed = Markdown.links(readme).stream()
                .filter(link -> link.line() > indexLine && link.line() < nextSection)
                .map(Markdown.Link::target)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> pages;
        try (Stream<Path> files = Files.list(Repository.file("docs"))) {
            pages = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".md"))
                    .map(name -> "docs/" + name)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertTrue(pages.contains("docs/quickstart.md") && pages.size() > 10, "pages found: " + pages);
        assertEquals(pages, indexed, "pages under docs/ against the links of the README's " + DOCUMENTATION);
    }

    private int lineOf(String heading) {
        return Markdown.prose(readme).stream()
                .filter(line -> line.getValue().equals(heading))
                .map(line -> line.getKey())
                .findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no line " + heading));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
