package dev.netc.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tests read from a page besides its marked blocks: its headings as GitHub anchors them, its links, and
 * the first code block of a section (for pages such as maven.md, whose snippets the quickstart must repeat).
 * Fenced code is skipped throughout: a heading or a link inside a code block is code, not Markdown.
 */
final class Markdown {

    private static final Pattern HEADING = Pattern.compile("#{1,6} (.+)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    private Markdown() {}

    /** The lines of {@code markdown} outside fenced code blocks, as {@code line number -> text} in order. */
    static List<Map.Entry<Integer, String>> prose(String markdown) {
        List<Map.Entry<Integer, String>> prose = new ArrayList<>();
        boolean inFence = false;
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence) {
                prose.add(Map.entry(i + 1, line));
            }
        }
        return prose;
    }

    /**
     * The anchors of the page's headings, as GitHub makes them: the heading's text without Markdown, in lower case,
     * without punctuation other than {@code -} and {@code _}, spaces turned into {@code -}; a repeated anchor gets
     * {@code -1}, {@code -2}, ...
     */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Map.Entry<Integer, String> line : prose(markdown)) {
            Matcher heading = HEADING.matcher(line.getValue());
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /** The anchor GitHub gives a heading of this text. */
    static String slug(String heading) {
        String text = LINK.matcher(heading).replaceAll("$1").replace("`", "");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /**
     * A link of a page.
     *
     * @param line the 1-based line it is on
     * @param target what it points at, as written ({@code maven.md#options}, {@code https://...})
     */
    record Link(int line, String target) {}

    /** The page's links outside code (fenced blocks and inline code spans), in order. */
    static List<Link> links(String markdown) {
        List<Link> links = new ArrayList<>();
        for (Map.Entry<Integer, String> line : prose(markdown)) {
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line.getValue()).replaceAll(""));
            while (link.find()) {
                links.add(new Link(line.getKey(), link.group(2)));
            }
        }
        return links;
    }

    /**
     * The text of the first fenced block of the section that opens with the line {@code heading}, if the section has
     * one and it is in {@code language}.
     */
    static Optional<String> firstBlock(String markdown, String heading, String language) {
        List<String> lines = markdown.lines().toList();
        int at = lines.indexOf(heading);
        if (at < 0) {
            return Optional.empty();
        }
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (HEADING.matcher(line).matches()) {
                return Optional.empty();
            }
            if (line.startsWith("```")) {
                if (!line.equals("```" + language)) {
                    return Optional.empty();
                }
                StringBuilder text = new StringBuilder();
                for (int j = i + 1; j < lines.size() && !lines.get(j).equals("```"); j++) {
                    text.append(lines.get(j)).append('\n');
                }
                return Optional.of(text.toString());
            }
        }
        return Optional.empty();
    }
}
