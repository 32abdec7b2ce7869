package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden generated sources (Dagger's convention): {@code src/test/resources/goldens/<TestClass>/<method>/<fqcn>.java},
 * compared as exact text because comments are part of the contract. Run with {@code -Dnetc.updateGoldens=true} to
 * rewrite them for review; a missing golden fails naming the path it should have.
 */
final class Goldens {

    private static final Path ROOT = Path.of("src", "test", "resources", "goldens");

    private Goldens() {}

    static void assertMatches(String testClass, String method, String qualifiedName, String actual) {
        Path golden = ROOT.resolve(testClass).resolve(method).resolve(qualifiedName + ".java");
        try {
            if (Boolean.getBoolean("netc.updateGoldens")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                fail("missing golden " + golden + "; run with -Dnetc.updateGoldens=true to write it");
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden " + golden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
