package dev.netc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Headings anchored as GitHub anchors them, links outside code, and the first block of a section. */
class MarkdownTest {

    @Test
    void anchorsHeadingsAsGitHubDoes() {
        assertEquals("network", Markdown.slug("`@Network`"));
        assertEquals("performance-fashion-mnist", Markdown.slug("Performance: Fashion-MNIST"));
        assertEquals("1-an-annotated-interface", Markdown.slug("1. An annotated interface"));
        assertEquals("data-options-train-evaluate", Markdown.slug("Data options (`train`, `evaluate`)"));
        assertEquals(
                List.of("usage", "usage-1", "code"),
                List.copyOf(Markdown.anchors("# Usage\n## Usage\n```sh\n# not a heading\n```\n### Code\n")));
    }

    @Test
    void findsLinksOutsideCode() {
        List<Markdown.Link> links = Markdown.links(
                "See [a](a.md#x) and `[b](b.md)`.\n```\n[c](c.md)\n```\nThen [d](https://example.com).\n");

        assertEquals(List.of(new Markdown.Link(1, "a.md#x"), new Markdown.Link(5, "https://example.com")), links);
    }

    @Test
    void readsTheFirstBlockOfASection() {
        String page = "## One\ntext\n```xml\n<a/>\n```\n## Two\n```sh\nls\n```\n";

        assertEquals(Optional.of("<a/>\n"), Markdown.firstBlock(page, "## One", "xml"));
        assertEquals(Optional.empty(), Markdown.firstBlock(page, "## Two", "xml"));
        assertEquals(Optional.empty(), Markdown.firstBlock(page, "## Three", "xml"));
    }
}
