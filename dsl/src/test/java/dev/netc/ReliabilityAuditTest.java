package dev.netc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The audit table of {@code docs/reliability.md} names, for every row of the reliability checklist (bad inputs Y1 to
 * D5, faults F1 to F13), the tests that cover it as {@code `Class#method`}. This test fails when a row is missing or
 * names no test, and when a named method is not a test method of a test class of that name anywhere in the
 * repository, so that renaming or deleting a test cannot leave a row silently uncovered.
 *
 * <p>The test sources are scanned rather than loaded: the tests of every module are named, and this module sees only
 * its own classes.
 */
class ReliabilityAuditTest {

    /** Every row of the checklist, in its order. */
    private static final List<String> ROWS = rows();

    /** A table line of the audit: {@code | Y1 | ... |}. */
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z]\\d+) \\|(.*)\\|\\s*$");

    /** A test named in a row: {@code `HostileYamlTest#billionLaughsStopsAtTheFirstAnchor`}. */
    private static final Pattern TEST = Pattern.compile("`([A-Z]\\w*)#(\\w+)`");

    /** The annotations that make a method a test (JUnit 5 and Jazzer). */
    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|FuzzTest)\\b");

    private static final Path ROOT = repositoryRoot();

    private static final Map<String, List<Path>> TEST_SOURCES = testSources();

    @Test
    void everyRowOfTheChecklistNamesTestsThatExist() {
        Map<String, List<String>> audit = auditTable();

        assertEquals(ROWS, List.copyOf(audit.keySet()), "rows of the audit table, in order");
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (Map.Entry<String, List<String>> row : audit.entrySet()) {
            if (row.getValue().isEmpty()) {
                missing.add(row.getKey() + ": names no test");
            }
            for (String test : row.getValue()) {
                named++;
                if (!isTestMethod(test)) {
                    missing.add(row.getKey() + ": no test method " + test);
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(named >= ROWS.size(), "tests named: " + named);
    }

    /** The search itself finds real test methods and nothing else, so the audit cannot pass vacuously. */
    @Test
    void theSearchTellsTestMethodsFromOtherNames() {
        assertTrue(isTestMethod("ReliabilityAuditTest#everyRowOfTheChecklistNamesTestsThatExist"));
        assertFalse(isTestMethod("ReliabilityAuditTest#auditTable"), "a helper method is not a test");
        assertFalse(isTestMethod("ReliabilityAuditTest#noSuchMethod"));
        assertFalse(isTestMethod("NoSuchTest#everyRowOfTheChecklistNamesTestsThatExist"));
    }

    /** The audit table's rows in the order written, each with the tests it names. */
    private static Map<String, List<String>> auditTable() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : read(ROOT.resolve("docs/reliability.md")).split("\n")) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            List<String> tests = new ArrayList<>();
            Matcher test = TEST.matcher(row.group(2));
            while (test.find()) {
                tests.add(test.group(1) + "#" + test.group(2));
            }
            List<String> previous = rows.put(row.group(1), tests);
            assertNull(previous, () -> "row " + row.group(1) + " appears twice");
        }
        return rows;
    }

    /** Whether a test source {@code Class.java} of some module declares {@code method} as a test. */
    private static boolean isTestMethod(String test) {
        String className = test.substring(0, test.indexOf('#'));
        String method = test.substring(test.indexOf('#') + 1);
        Pattern declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(");
        for (Path source : testSources(className)) {
            List<String> lines = List.of(read(source).split("\n"));
            for (int i = 0; i < lines.size(); i++) {
                if (declaration.matcher(lines.get(i)).find() && annotatedAsTest(lines, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the annotations above line {@code declaration} include a test annotation: they are the lines up to the
     * end of the previous member or comment.
     */
    private static boolean annotatedAsTest(List<String> lines, int declaration) {
        if (TEST_ANNOTATION.matcher(lines.get(declaration)).find()) {
            return true;
        }
        for (int i = declaration - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.endsWith("}") || line.endsWith(";") || line.endsWith("*/")) {
                return false;
            }
            if (TEST_ANNOTATION.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** Every {@code className.java} under a {@code src/test/java} of the repository. */
    private static List<Path> testSources(String className) {
        return TEST_SOURCES.getOrDefault(className, List.of());
    }

    /**
     * The Java files under every {@code src/test/java} of the repository, by class name; build output ({@code
     * target*}) and hidden directories are skipped.
     */
    private static Map<String, List<Path>> testSources() {
        Map<String, List<Path>> sources = new HashMap<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return !dir.equals(ROOT) && (name.startsWith("target") || name.startsWith("."))
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".java")
                            && file.toString().replace('\\', '/').contains("/src/test/java/")) {
                        sources.computeIfAbsent(
                                        name.substring(0, name.length() - ".java".length()), k -> new ArrayList<>())
                                .add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** The directory holding {@code docs/reliability.md}: the module's parent when run by Maven. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/reliability.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no docs/reliability.md above " + Path.of("").toAbsolutePath());
    }

    private static List<String> rows() {
        List<String> rows = new ArrayList<>();
        addRows(rows, "Y", 12);
        addRows(rows, "P", 4);
        addRows(rows, "W", 5);
        addRows(rows, "S", 3);
        addRows(rows, "D", 5);
        addRows(rows, "F", 13);
        return List.copyOf(rows);
    }

    private static void addRows(List<String> rows, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            rows.add(prefix + i);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
