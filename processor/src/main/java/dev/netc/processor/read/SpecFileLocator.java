package dev.netc.processor.read;

import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.Severity;
import dev.netc.spec.diag.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the YAML specs in the directories named by {@code -Anetc.specDir}. javac hands a processor only Java sources,
 * and Maven does not put resource folders on the source path, so the directories are named explicitly.
 *
 * <p>A spec is a regular file whose name ends with {@code .yaml} or {@code .yml} (in any case), anywhere under a
 * directory, except under a hidden name (starting with {@code .}, as editors' lock and backup files and version
 * control folders do). The order is fixed: directories as given, and in each, files sorted by their path inside it.
 * A file reached through two directories is read once.
 */
public final class SpecFileLocator {

    private SpecFileLocator() {}

    /**
     * A spec file to read.
     *
     * @param file where it is
     * @param displayPath how messages and generated headers name it: the directory as given, then the path inside it
     */
    public record SpecFile(Path file, String displayPath) {

        public SpecFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(displayPath, "displayPath");
        }
    }

    /**
     * The spec files under {@code directories}. A directory that does not exist, cannot be listed or holds no spec is
     * reported into {@code diagnostics} (the last as a warning) and contributes nothing.
     *
     * @param directories as given in the option; a relative one is resolved against {@code workingDirectory}
     * @param workingDirectory javac's working directory, named in the message when a relative directory is missing
     */
    public static List<SpecFile> locate(List<String> directories, Path workingDirectory, Diagnostics diagnostics) {
        List<SpecFile> found = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (String directory : directories) {
            for (SpecFile spec : specsIn(directory, workingDirectory, diagnostics)) {
                if (seen.add(spec.file().toAbsolutePath().normalize())) {
                    found.add(spec);
                }
            }
        }
        return List.copyOf(found);
    }

    private static List<SpecFile> specsIn(String directory, Path workingDirectory, Diagnostics diagnostics) {
        Path given = Path.of(directory);
        Path root = workingDirectory.resolve(given);
        if (!Files.isDirectory(root)) {
            String what = Files.exists(root) ? "a file" : "nothing";
            String hint = given.isAbsolute()
                    ? ""
                    : "; a relative directory is resolved against javac's working directory, " + workingDirectory;
            diagnostics.error(DiagnosticCode.SPEC_DIR_NOT_FOUND, SourcePosition.NONE, what, root.normalize(), hint);
            return List.of();
        }
        Map<String, Path> sorted = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> Files.isRegularFile(file) && isSpec(root.relativize(file)))
                    .forEach(file -> sorted.put(key(root, file), file));
        } catch (IOException | UncheckedIOException e) {
            diagnostics.error(DiagnosticCode.SPEC_DIR_UNREADABLE, SourcePosition.NONE, directory, describe(e));
            return List.of();
        }
        if (sorted.isEmpty()) {
            diagnostics.add(new Diagnostic(
                    Severity.WARNING,
                    DiagnosticCode.NO_SPECS,
                    DiagnosticCode.NO_SPECS.format(directory),
                    SourcePosition.NONE));
        }
        List<SpecFile> specs = new ArrayList<>();
        sorted.values()
                .forEach(file -> specs.add(
                        new SpecFile(file, given.resolve(root.relativize(file)).toString())));
        return specs;
    }

    /** Whether a file at {@code relative} (to its spec directory) is a spec: YAML, and no hidden name on the way. */
    private static boolean isSpec(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return false;
            }
        }
        String name = relative.toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The sort key of a file: its path inside the directory, with {@code /} between names on every platform. */
    private static String key(Path root, Path file) {
        List<String> names = new ArrayList<>();
        root.relativize(file).forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
