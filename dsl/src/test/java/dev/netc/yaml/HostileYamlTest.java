package dev.netc.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents built to hurt a YAML loader (RELIABILITY.md rows Y1-Y4 and Y10). Each gives exactly one diagnostic with
 * the right code and position, within a second and a small, fixed amount of allocation.
 */
class HostileYamlTest {

    /** A second of work plus a margin for a loaded build machine. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    /** What one read may allocate: a hostile spec is rejected long before its size would matter. */
    private static final long ALLOCATION_LIMIT = 32L << 20;

    /** Set by {@link Tripwire}'s initialiser: a spec naming it must never get it loaded. */
    private static volatile boolean tripped;

    @Test
    void aGlobalTagNamingAJavaClassIsRejectedAtTheTag() {
        String yaml = "network: IrisNet\nlayers: !!javax.script.ScriptEngineManager"
                + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]\n";

        Diagnostic diagnostic = readHostile(yaml);

        assertEquals(DiagnosticCode.TAG_NOT_ALLOWED, diagnostic.code());
        assertEquals(
                "spec.yaml:2:9: error: tags are not allowed in a spec, found '!!javax.script.ScriptEngineManager'"
                        + " [netc:tag-not-allowed]",
                diagnostic.format());
    }

    @Test
    void noClassNamedByATagIsLoaded() {
        String yaml = "network: !!dev.netc.yaml.HostileYamlTest$Tripwire {}\n";

        Diagnostic diagnostic = readHostile(yaml);

        assertEquals(DiagnosticCode.TAG_NOT_ALLOWED, diagnostic.code());
        assertFalse(tripped, "the class named by the tag was initialised");
    }

    @Test
    void localAndStandardTagsAreRejectedToo() {
        assertEquals(
                "spec.yaml:1:10", readHostile("network: !foo IrisNet\n").at().describe());
        assertEquals(
                "spec.yaml:3:8",
                readHostile("network: A\npackage: p\ninput: !!int 4\n").at().describe());
        assertEquals(
                "tags are not allowed in a spec, found '!!str'",
                readHostile("network: !!str IrisNet\n").message());
    }

    @Test
    void billionLaughsStopsAtTheFirstAnchor() {
        StringBuilder yaml = new StringBuilder("lol0: &lol0 [lol, lol, lol, lol]\n");
        for (int level = 1; level <= 26; level++) {
            String previous = "*lol" + (level - 1);
            yaml.append("lol").append(level).append(": &lol").append(level).append(" [");
            yaml.append(String.join(", ", previous, previous, previous, previous))
                    .append("]\n");
        }

        Diagnostic diagnostic = readHostile(yaml.toString());

        assertEquals(DiagnosticCode.ALIAS_NOT_ALLOWED, diagnostic.code());
        assertEquals(
                "spec.yaml:1:7: error: aliases and anchors are not allowed in a spec, found '&lol0'"
                        + " [netc:alias-not-allowed]",
                diagnostic.format());
    }

    @Test
    void anAliasIsRejectedAtTheAlias() {
        Diagnostic diagnostic = readHostile("network: A\npackage: *somewhere\n");

        assertEquals("spec.yaml:2:10", diagnostic.at().describe());
        assertEquals("aliases and anchors are not allowed in a spec, found '*somewhere'", diagnostic.message());
    }

    @Test
    void tenThousandNestedListsStopAtTheDepthLimit() {
        String yaml = "layers: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        Diagnostic diagnostic = readHostile(yaml);

        assertEquals(DiagnosticCode.TOO_DEEP, diagnostic.code());
        int column = "layers: ".length() + SafeYaml.MAX_DEPTH; // the root mapping is the first level
        assertEquals("spec.yaml:1:" + column, diagnostic.at().describe());
        assertEquals("nesting deeper than 16 levels", diagnostic.message());
    }

    @Test
    void tenThousandNestedBlockListsStopAtTheDepthLimit() {
        String yaml = "- ".repeat(10_000) + "deep\n";

        Diagnostic diagnostic = readHostile(yaml);

        assertEquals(DiagnosticCode.TOO_DEEP, diagnostic.code());
        assertEquals(
                "spec.yaml:1:" + (2 * SafeYaml.MAX_DEPTH + 1), diagnostic.at().describe());
    }

    @Test
    void aFiftyMegabyteFileIsRejectedFromItsSize(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("huge.yaml");
        byte[] block = "- {dense: 8, activation: relu}\n".repeat(1 << 15).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("network: Huge\nlayers:\n".getBytes(StandardCharsets.UTF_8));
            for (int written = 0; written < 50; written++) {
                out.write(block); // about a megabyte each
            }
        }
        long size = Files.size(file);

        Diagnostic diagnostic = withinLimits(() -> {
            Diagnostics diagnostics = new Diagnostics();
            assertTrue(YamlSpecReader.read(file, "huge.yaml", diagnostics).isEmpty());
            assertEquals(1, diagnostics.all().size(), diagnostics::toString);
            return diagnostics.all().get(0);
        });

        assertEquals(
                "huge.yaml:1:1: error: spec is " + size + " bytes; the limit is 1048576 bytes [netc:spec-too-large]",
                diagnostic.format());
    }

    @Test
    void contentOneByteAboveTheCapIsRejected() {
        byte[] content = new byte[SpecText.MAX_BYTES + 1];
        Arrays.fill(content, (byte) ' ');

        Diagnostic diagnostic = readHostile(content);

        assertEquals("spec is 1048577 bytes; the limit is 1048576 bytes", diagnostic.message());
    }

    @Test
    void aSpecOfExactlyTheCapIsRead() {
        String spec = "network: Big\npackage: p\ninput: 1\nlayers: [{dense: 1}]\nloss: mean_squared_error\n#";
        String padded = spec + "x".repeat(SpecText.MAX_BYTES - spec.length());

        Diagnostics diagnostics = new Diagnostics();
        YamlTesting.read(padded.getBytes(StandardCharsets.UTF_8), diagnostics).orElseThrow();

        assertEquals("", diagnostics.toString());
    }

    @Test
    void invalidUtf8IsRejectedAtTheFirstBadByte() {
        byte[] content = bytes("network: Iris\npackage: caf", 0xC3, 0x28, '\n');

        Diagnostic diagnostic = readHostile(content);

        assertEquals(
                "spec.yaml:2:13: error: spec is not valid UTF-8: invalid byte sequence starting with 0xC3 at byte"
                        + " offset 26 [netc:not-utf8]",
                diagnostic.format());
    }

    @Test
    void latin1TextIsNotUtf8() {
        byte[] content = bytes("network: Iris\nclasses: [", 0xE9, 't', 0xE9, "]\n");

        Diagnostic diagnostic = readHostile(content);

        assertEquals(DiagnosticCode.NOT_UTF8, diagnostic.code());
        assertEquals("spec.yaml:2:11", diagnostic.at().describe());
    }

    @Test
    void aNulByteIsASyntaxErrorAtItsPosition() {
        Diagnostic diagnostic = readHostile("network: Iris\u0000Net\n");

        assertEquals(
                "spec.yaml:1:14: error: malformed YAML: special character U+0000 is not allowed [netc:yaml-syntax]",
                diagnostic.format());
    }

    @Test
    void tabIndentationIsASyntaxError() {
        Diagnostic diagnostic = readHostile("network: Iris\nlayers:\n\t- {dense: 8}\n");

        assertEquals(DiagnosticCode.YAML_SYNTAX, diagnostic.code());
        assertEquals("spec.yaml:3:1", diagnostic.at().describe());
        assertTrue(diagnostic.message().contains("Do not use \\t(TAB) for indentation"), diagnostic.message());
    }

    @Test
    void anUnclosedQuoteIsASyntaxErrorNamingWhereTheQuoteOpened() {
        Diagnostic diagnostic = readHostile("network: \"Iris\npackage: p\n");

        assertEquals(
                "spec.yaml:3:1: error: malformed YAML: found unexpected end of stream; while scanning a quoted scalar"
                        + " at 1:10 [netc:yaml-syntax]",
                diagnostic.format());
    }

    @Test
    void aSecondDocumentIsRejectedWhereItStarts() {
        Diagnostic diagnostic = readHostile("network: A\n---\nnetwork: B\n");

        assertEquals(DiagnosticCode.MULTIPLE_DOCUMENTS, diagnostic.code());
        assertEquals("spec.yaml:2:1", diagnostic.at().describe());
    }

    @Test
    void aSecondDocumentIsRejectedWithoutBeingRead() {
        Diagnostic diagnostic = readHostile("network: A\n...\n--- !!javax.script.ScriptEngineManager []\n");

        assertEquals(DiagnosticCode.MULTIPLE_DOCUMENTS, diagnostic.code());
        assertEquals("spec.yaml:3:1", diagnostic.at().describe());
    }

    @Test
    void anEmptyFileIsAnEmptySpec() {
        Diagnostic diagnostic = readHostile(new byte[0]);

        assertEquals(
                "spec.yaml:1:1: error: spec is empty: expected a mapping with at least 'network', 'input', 'layers'"
                        + " and 'loss' [netc:spec-empty]",
                diagnostic.format());
    }

    @Test
    void commentsAloneOrAnEmptyDocumentAreAnEmptySpec() {
        assertEquals(
                DiagnosticCode.SPEC_EMPTY,
                readHostile("# nothing here\n\n   # nor here\n").code());
        assertEquals(DiagnosticCode.SPEC_EMPTY, readHostile("---\n...\n").code());
    }

    @Test
    void aFileThatCannotBeReadIsReported(@TempDir Path directory) {
        Diagnostics diagnostics = new Diagnostics();

        assertTrue(YamlSpecReader.read(directory.resolve("missing.yaml"), "missing.yaml", diagnostics)
                .isEmpty());

        assertEquals(
                "missing.yaml:1:1: error: cannot read the spec: no such file [netc:spec-unreadable]\n",
                diagnostics.toString());
    }

    @Test
    void aFloodOfErrorsIsCutAfterTheFirstHundred() {
        StringBuilder yaml = new StringBuilder("network: Flood\npackage: p\ninput: 1\nloss: mean_squared_error\n");
        yaml.append("layers: [").append("1, ".repeat(10_000)).append("1]\n");

        Diagnostics diagnostics = new Diagnostics();
        assertTimeoutPreemptively(
                TIME_LIMIT, () -> YamlTesting.read(yaml.toString().getBytes(StandardCharsets.UTF_8), diagnostics));

        assertEquals(NodeReader.MAX_REPORTED + 1, diagnostics.all().size());
        assertEquals(
                "spec.yaml:1:1: note: errors not shown: 9901 more; netc reports the first 100 of a spec"
                        + " [netc:more-errors]",
                diagnostics.all().get(NodeReader.MAX_REPORTED).format());
    }

    private static Diagnostic readHostile(String yaml) {
        return readHostile(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Diagnostic readHostile(byte[] content) {
        return withinLimits(() -> YamlTesting.readOneError(content));
    }

    /** Runs {@code read} on a thread of its own, failing if it takes too long or allocates too much. */
    private static <T> T withinLimits(Supplier<T> read) {
        return assertTimeoutPreemptively(TIME_LIMIT, () -> {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            assertTrue(threads.isThreadAllocatedMemoryEnabled(), "this JVM measures allocation");
            long before = threads.getCurrentThreadAllocatedBytes();
            T result = read.get();
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < ALLOCATION_LIMIT, "allocated " + allocated + " bytes");
            return result;
        });
    }

    /** Text and raw bytes, in order: strings as UTF-8, numbers as single bytes. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else if (part instanceof Character c) {
                out.write(c);
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    /** Records being initialised; nothing else refers to it. */
    static final class Tripwire {
        static {
            tripped = true;
        }

        private Tripwire() {}
    }
}
