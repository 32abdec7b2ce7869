package dev.netc.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked blocks of one Markdown page (see the package documentation for the markers). Parsing is strict, so
 * that a mistyped marker fails the build rather than leaving a block unchecked: a line that starts like a marker but
 * does not parse, a marker not followed at once by a fence, an unclosed fence, a file written twice and an output
 * with no command before it are all errors naming the page and line.
 */
final class CheckedPage {

    /** How every marker starts; a line starting so must be a whole, valid marker. */
    static final String MARKER_START = "<!-- check:";

    private static final Pattern MARKER = Pattern.compile("<!-- check: (file|run|netc|output)(?: (\\S+))? -->");
    private static final Set<String> NAMED = Set.of("file", "run");
    private static final String FENCE = "```";

    private final String page;
    private final List<CheckedBlock> blocks;

    private CheckedPage(String page, List<CheckedBlock> blocks) {
        this.page = page;
        this.blocks = List.copyOf(blocks);
    }

    /** The page at {@code relative} from the repository root. */
    static CheckedPage read(String relative) {
        try {
            return parse(relative, Files.readString(Repository.file(relative), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    /**
     * The checked blocks of {@code markdown}.
     *
     * @param page the page's name in messages
     * @throws IllegalArgumentException naming the page and line of the first malformed marker or fence
     */
    static CheckedPage parse(String page, String markdown) {
        List<String> lines = markdown.lines().toList();
        List<CheckedBlock> blocks = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(FENCE)) {
                inFence = !inFence;
                continue;
            }
            if (inFence || !line.startsWith(MARKER_START)) {
                continue;
            }
            Matcher marker = MARKER.matcher(line);
            String where = page + ":" + (i + 1);
            if (!marker.matches()) {
                throw new IllegalArgumentException(where + ": expected a marker <!-- check: file PATH -->, <!-- check:"
                        + " run PROJECT -->, <!-- check: netc --> or <!-- check: output -->, found " + line);
            }
            String kind = marker.group(1);
            String name = marker.group(2) == null ? "" : marker.group(2);
            if (NAMED.contains(kind) == name.isEmpty()) {
                throw new IllegalArgumentException(where + ": a '" + kind + "' marker takes "
                        + (name.isEmpty() ? "a name" : "no name") + ", found " + line);
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith(FENCE)) {
                throw new IllegalArgumentException(
                        where + ": expected a fenced code block on the line after the marker, found "
                                + (i + 1 < lines.size() ? "'" + lines.get(i + 1) + "'" : "the end of the page"));
            }
            String language = lines.get(i + 1).substring(FENCE.length()).strip();
            StringBuilder text = new StringBuilder();
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).equals(FENCE)) {
                text.append(lines.get(end)).append('\n');
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalArgumentException(where + ": the code block after the marker is never closed");
            }
            blocks.add(new CheckedBlock(page, i + 1, kind, name, language, text.toString()));
            i = end;
        }
        if (inFence) {
            throw new IllegalArgumentException(page + ": a code block is never closed");
        }
        CheckedPage parsed = new CheckedPage(page, blocks);
        parsed.files(""); // a file written twice, or an output with no command, is an error of the page itself
        parsed.outputs();
        return parsed;
    }

    /** Every checked block, in page order. */
    List<CheckedBlock> blocks() {
        return blocks;
    }

    /**
     * The {@code file} blocks under {@code folder} (all of them for {@code ""}), by their path below it, in page
     * order.
     *
     * @throws IllegalArgumentException if a path is written twice
     */
    Map<String, CheckedBlock> files(String folder) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        Map<String, CheckedBlock> files = new LinkedHashMap<>();
        for (CheckedBlock block : blocks) {
            if (block.kind().equals("file") && block.name().startsWith(prefix)) {
                CheckedBlock earlier = files.put(block.name().substring(prefix.length()), block);
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            block.where() + ": file " + block.name() + " is already written at line " + earlier.line());
                }
            }
        }
        return files;
    }

    /** The one {@code file} block at {@code path}. */
    CheckedBlock file(String path) {
        return Optional.ofNullable(files("").get(path))
                .orElseThrow(() -> new IllegalArgumentException(page + ": no block marked <!-- check: file " + path
                        + " -->; files: " + files("").keySet()));
    }

    /** The blocks of one kind, in page order. */
    List<CheckedBlock> ofKind(String kind) {
        return blocks.stream().filter(block -> block.kind().equals(kind)).toList();
    }

    /** The {@code output} block that follows {@code command} (a {@code run} or {@code netc} block), if there is one. */
    Optional<CheckedBlock> outputOf(CheckedBlock command) {
        return Optional.ofNullable(outputs().get(command));
    }

    /** Each command's output block; an output belongs to the closest command above it, and a command has one. */
    private Map<CheckedBlock, CheckedBlock> outputs() {
        Map<CheckedBlock, CheckedBlock> outputs = new LinkedHashMap<>();
        CheckedBlock command = null;
        for (CheckedBlock block : blocks) {
            switch (block.kind()) {
                case "run", "netc" -> command = block;
                case "output" -> {
                    if (command == null) {
                        throw new IllegalArgumentException(
                                block.where() + ": an output block needs a run or netc block above it");
                    }
                    CheckedBlock earlier = outputs.put(command, block);
                    if (earlier != null) {
                        throw new IllegalArgumentException(block.where() + ": the command at line " + command.line()
                                + " already has its output at line " + earlier.line());
                    }
                }
                default -> {}
            }
        }
        return outputs;
    }
}
