package dev.netc.yaml;

import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostics;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a YAML spec into a {@link NetworkSpec}. */
public final class YamlSpecReader {

    private YamlSpecReader() {}

    /**
     * Reads the spec in {@code file}; positions name the file as {@code displayPath}.
     *
     * @return the spec, or empty when an error was reported into {@code diagnostics}
     */
    public static Optional<NetworkSpec> read(Path file, String displayPath, Diagnostics diagnostics) {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * Reads a spec from bytes; positions name it {@code displayPath}.
     *
     * @return the spec, or empty when an error was reported into {@code diagnostics}
     */
    public static Optional<NetworkSpec> read(byte[] content, String displayPath, Diagnostics diagnostics) {
        throw new UnsupportedOperationException("not implemented");
    }
}
