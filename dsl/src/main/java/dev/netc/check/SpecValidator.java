package dev.netc.check;

import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostics;
import java.util.Optional;

/** Checks a spec and infers its shapes. */
public final class SpecValidator {

    private SpecValidator() {}

    /**
     * Checks {@code spec}, reporting every problem into {@code diagnostics}.
     *
     * @return the checked network, or empty when an error was reported
     */
    public static Optional<CheckedNetwork> validate(NetworkSpec spec, Diagnostics diagnostics) {
        throw new UnsupportedOperationException("not implemented");
    }
}
