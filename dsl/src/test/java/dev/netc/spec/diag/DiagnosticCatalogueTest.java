package dev.netc.spec.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/diagnostics.md} and {@link DiagnosticCode} in step: every code has a section whose heading is its
 * tag ({@code ### unknown-key}), and every such heading names a code that exists. A code added without its
 * documentation, or a documented code that was renamed or removed, fails the build.
 */
class DiagnosticCatalogueTest {

    /** The catalogue page, relative to the dsl module (the working directory Surefire runs tests in). */
    private static final Path CATALOGUE = Path.of("..", "docs", "diagnostics.md");

    /** Headings of this level name one code each; other levels group and introduce them. */
    private static final String CODE_HEADING = "### ";

    @Test
    void everyCodeIsDocumentedAndEveryDocumentedTagIsACode() throws IOException {
        List<String> documented = documentedTags();
        Set<String> tags = Arrays.stream(DiagnosticCode.values())
                .map(DiagnosticCode::tag)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> undocumented = new TreeSet<>(tags);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(tags);

        assertEquals(Set.of(), undocumented, "codes without a '### tag' section in " + CATALOGUE);
        assertEquals(Set.of(), unknown, "sections in " + CATALOGUE + " whose tag is not a DiagnosticCode");
        assertEquals(DiagnosticCode.values().length, documented.size(), "sections per code in " + CATALOGUE);
    }

    @Test
    void tagsAreUniqueAndLowerKebabCase() {
        Set<String> seen = new TreeSet<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertTrue(code.tag().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), code + " has tag " + code.tag());
            assertTrue(seen.add(code.tag()), code + " repeats tag " + code.tag());
        }
        assertEquals(DiagnosticCode.values().length, seen.size());
    }

    /** The tags of the code sections, in page order, repeats kept. */
    private static List<String> documentedTags() throws IOException {
        assertTrue(
                Files.isRegularFile(CATALOGUE),
                "expected the catalogue at " + CATALOGUE.toAbsolutePath().normalize());
        List<String> tags = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith(CODE_HEADING)) {
                tags.add(line.substring(CODE_HEADING.length()).strip());
            }
        }
        return tags;
    }
}
