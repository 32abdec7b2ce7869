package dev.netc.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads specs written inline in tests, as a file called {@value #PATH}. */
final class YamlTesting {

    /** The display path every inline spec is read under. */
    static final String PATH = "spec.yaml";

    private YamlTesting() {}

    /** Reads {@code yaml}, which must read without any diagnostic. */
    static NetworkSpec readClean(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<NetworkSpec> spec = read(yaml.getBytes(StandardCharsets.UTF_8), diagnostics);
        assertEquals("", diagnostics.toString(), "diagnostics");
        assertTrue(spec.isPresent(), "a spec");
        return spec.orElseThrow();
    }

    /** Reads {@code yaml}, which must fail with exactly one diagnostic, and returns it. */
    static Diagnostic readOneError(String yaml) {
        return readOneError(yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code content}, which must fail with exactly one diagnostic, and returns it. */
    static Diagnostic readOneError(byte[] content) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<NetworkSpec> spec = read(content, diagnostics);
        assertEquals(1, diagnostics.all().size(), "expected one diagnostic, got:\n" + diagnostics);
        assertTrue(spec.isEmpty(), "no spec after an error");
        return diagnostics.all().get(0);
    }

    /** Reads {@code content}, returning the spec if there is one; the diagnostics go to {@code diagnostics}. */
    static Optional<NetworkSpec> read(byte[] content, Diagnostics diagnostics) {
        return YamlSpecReader.read(content, PATH, diagnostics);
    }
}
