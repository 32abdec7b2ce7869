package dev.netc.docs;

import dev.netc.check.SpecValidator;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** A page's YAML spec, read and validated by netc's own reader and validator, as {@code bin/netc check} does. */
final class Specs {

    private Specs() {}

    /**
     * The checked network of a {@code file} block holding a spec.
     *
     * @throws AssertionError listing every diagnostic, each at its page-relative line, if the spec is not clean
     */
    static CheckedNetwork check(CheckedBlock block) {
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork network = YamlSpecReader.read(
                        block.text().getBytes(StandardCharsets.UTF_8), block.name(), diagnostics)
                .flatMap(spec -> SpecValidator.validate(spec, diagnostics))
                .orElse(null);
        if (!diagnostics.isClean() || network == null) {
            throw new AssertionError(block.where() + ": the spec " + block.name() + " (lines counted from the block's"
                    + " first line) has errors:\n"
                    + diagnostics.all().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        return network;
    }
}
