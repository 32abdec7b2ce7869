package dev.netc.yaml;

import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostics;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a YAML spec into a {@link NetworkSpec}, every node and attribute carrying its {@code file:line:column}. The
 * stages each report into {@code diagnostics} and stop the read when they fail: {@link SpecText} (size cap, strict
 * UTF-8), {@link SafeYaml} (a single document of plain YAML: no tags, anchors, duplicate keys or deep nesting; a
 * problem here is the one diagnostic reported), then {@link NetworkReader} (netc's keys and strict scalar grammar,
 * reporting every mistake it finds). Nothing here throws: every problem becomes a diagnostic.
 *
 * <p>The reader checks form, not meaning: ranges, names and the layer graph are {@link dev.netc.check.SpecValidator}'s.
 */
public final class YamlSpecReader {

    private YamlSpecReader() {}

    /**
     * Reads the spec in {@code file}; positions name the file as {@code displayPath}.
     *
     * @return the spec, or empty when an error was reported into {@code diagnostics}
     */
    public static Optional<NetworkSpec> read(Path file, String displayPath, Diagnostics diagnostics) {
        Locator locator = new Locator(displayPath);
        return SpecText.read(file, locator, diagnostics).flatMap(text -> read(text, locator, diagnostics));
    }

    /**
     * Reads a spec from bytes; positions name it {@code displayPath}.
     *
     * @return the spec, or empty when an error was reported into {@code diagnostics}
     */
    public static Optional<NetworkSpec> read(byte[] content, String displayPath, Diagnostics diagnostics) {
        Locator locator = new Locator(displayPath);
        return SpecText.decode(content, locator, diagnostics).flatMap(text -> read(text, locator, diagnostics));
    }

    private static Optional<NetworkSpec> read(String text, Locator locator, Diagnostics diagnostics) {
        return SafeYaml.compose(text, locator, diagnostics)
                .flatMap(root -> NetworkReader.read(root, locator.path(), new NodeReader(locator, diagnostics)));
    }
}
