package dev.netc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the README, the quickstart and the concepts page leads somewhere: to a file or folder of
 * the repository and, for {@code page.md#anchor}, to a heading of that page (anchored as GitHub anchors headings).
 * Links to the web are not followed.
 */
class DocLinksTest {

    private static final List<String> PAGES = List.of("README.md", "docs/quickstart.md", "docs/concepts.md");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<String, Integer> checked = new LinkedHashMap<>();

        for (String page : PAGES) {
            Path file = Repository.file(page);
            int count = 0;
            for (Markdown.Link link : Markdown.links(read(file))) {
                if (link.target().matches("[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                count++;
                problem(file, link).ifPresent(problem -> broken.add(page + ":" + link.line() + ": " + problem));
            }
            checked.put(page, count);
        }

        assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
        assertEquals(PAGES, List.copyOf(checked.keySet()));
        checked.forEach((page, count) -> assertTrue(count >= 5, page + " has only " + count + " relative links"));
    }

    /** What is wrong with a relative link, if anything. */
    private static Optional<String> problem(Path page, Markdown.Link link) throws IOException {
        String target = link.target();
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path resolved = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!resolved.startsWith(Repository.root()) || !Files.exists(resolved)) {
            return Optional.of(target + ": no such file in the repository");
        }
        if (hash >= 0) {
            String anchor = target.substring(hash + 1);
            if (!resolved.toString().endsWith(".md")
                    || !Markdown.anchors(read(resolved)).contains(anchor)) {
                return Optional.of(target + ": no heading with the anchor #" + anchor + " in " + path);
            }
        }
        return Optional.empty();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
