package dev.netc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netc.check.SpecValidator;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the YAML front end: any bytes read as a spec and, when they form one, validated. The only outcomes allowed
 * are a checked network with a clean report, or an empty result with at least one error, each positioned in the file
 * and none of them the reader's catch-all {@link DiagnosticCode#INTERNAL_ERROR} (which would hide a bug as a
 * diagnostic). Any exception is a finding.
 *
 * <p>The normal build replays {@code YamlSpecFuzzTestInputs/readAndValidate} (the seed corpus and every finding);
 * {@code JAZZER_FUZZ=1} fuzzes (see {@code docs/reliability.md}).
 */
class YamlSpecFuzzTest {

    private static final String PATH = "fuzz.yaml";

    /**
     * The most one input may take. Checked after the read, so it catches slow inputs but not endless ones; JUnit's
     * {@code @Timeout} is not used because in fuzzing mode it times the whole run, not one input.
     */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);

    @FuzzTest(maxDuration = "5m")
    void readAndValidate(byte[] content) {
        long start = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        Optional<NetworkSpec> spec = YamlSpecReader.read(content, PATH, diagnostics);
        Optional<CheckedNetwork> checked = spec.flatMap(read -> SpecValidator.validate(read, diagnostics));
        for (Diagnostic diagnostic : diagnostics.all()) {
            assertNotEquals(DiagnosticCode.INTERNAL_ERROR, diagnostic.code(), diagnostics::toString);
            assertFalse(diagnostic.message().isBlank(), diagnostics::toString);
            assertTrue(diagnostic.format().startsWith(PATH + ":"), diagnostics::toString);
        }
        assertEquals(checked.isPresent(), diagnostics.isClean(), diagnostics::toString);
        assertQuick(start);
    }

    /** A harness that refused every spec would pass its regression run; this seed must come through validated. */
    @Test
    void acceptsAValidSeed() throws IOException {
        String seed = "YamlSpecFuzzTestInputs/readAndValidate/iris-graph.yaml";
        byte[] content;
        try (InputStream in = getClass().getResourceAsStream(seed)) {
            assertNotNull(in, seed);
            content = in.readAllBytes();
        }
        Diagnostics diagnostics = new Diagnostics();
        Optional<CheckedNetwork> checked = YamlSpecReader.read(content, PATH, diagnostics)
                .flatMap(spec -> SpecValidator.validate(spec, diagnostics));
        assertTrue(checked.isPresent(), diagnostics::toString);
    }

    private static void assertQuick(long start) {
        Duration taken = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(
                taken.compareTo(PER_INPUT) <= 0, () -> "expected at most " + PER_INPUT + " per input, took " + taken);
    }
}
