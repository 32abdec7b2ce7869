package dev.netc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.check.SpecValidator;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.FilePosition;
import dev.netc.yaml.YamlSpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of invalid specs in {@code src/test/resources/invalid}: each file's first line states the one diagnostic
 * it must produce, {@code # expect: LINE:COLUMN TAG "substring of the message"}. The file is read and, when that
 * succeeds, validated; exactly that diagnostic must come out. Files named {@code yaml-*} must be rejected by the
 * reader, files named {@code check-*} by the validator.
 */
class InvalidSpecsTest {

    private static final String FOLDER = "invalid";
    private static final int MINIMUM_SPECS = 30;
    private static final Pattern EXPECTATION =
            Pattern.compile("# expect: (?<line>\\d+):(?<column>\\d+) (?<tag>[a-z0-9-]+) \"(?<message>.*)\"");

    @Test
    void theCorpusHoldsEnoughSpecs() throws IOException, URISyntaxException {
        List<String> specs = specs().toList();

        assertTrue(specs.size() >= MINIMUM_SPECS, "expected at least " + MINIMUM_SPECS + " specs, found " + specs);
        assertTrue(
                specs.stream().allMatch(name -> name.startsWith("yaml-") || name.startsWith("check-")),
                "every spec is named yaml-* or check-*: " + specs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void givesExactlyTheExpectedDiagnostic(String name) throws IOException, URISyntaxException {
        Path file = folder().resolve(name);
        String displayPath = FOLDER + "/" + name;
        Matcher expected = expectation(file);
        Diagnostics diagnostics = new Diagnostics();

        Optional<NetworkSpec> spec = YamlSpecReader.read(file, displayPath, diagnostics);
        spec.ifPresent(read -> SpecValidator.validate(read, diagnostics));

        assertEquals(1, diagnostics.all().size(), "expected one diagnostic, got:\n" + diagnostics);
        Diagnostic diagnostic = diagnostics.all().get(0);
        assertEquals(expected.group("tag"), diagnostic.code().tag(), diagnostic::format);
        FilePosition at = new FilePosition(
                displayPath, Integer.parseInt(expected.group("line")), Integer.parseInt(expected.group("column")));
        assertEquals(at, diagnostic.at(), diagnostic::format);
        assertTrue(diagnostic.message().contains(expected.group("message")), diagnostic::format);
        assertEquals(name.startsWith("check-"), spec.isPresent(), "which stage reports it");
    }

    static Stream<String> specs() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Path folder() throws URISyntaxException {
        URL folder = InvalidSpecsTest.class.getClassLoader().getResource(FOLDER);
        assertNotNull(folder, "test resource folder " + FOLDER);
        return Path.of(folder.toURI());
    }

    /** The first line, read as bytes: the rest of the file may well not be UTF-8. */
    private static Matcher expectation(Path file) throws IOException {
        StringBuilder line = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
        }
        Matcher matcher = EXPECTATION.matcher(
                line.toString().getBytes(StandardCharsets.ISO_8859_1).length > 0 ? line.toString() : "");
        assertTrue(matcher.matches(), file.getFileName() + " starts with '# expect: LINE:COLUMN TAG \"message\"'");
        return matcher;
    }
}
