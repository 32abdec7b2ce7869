package dev.netc.check;

import dev.netc.spec.NetworkSpec;
import dev.netc.spec.TrainingSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.util.OptionalInt;

/**
 * Checks the training defaults a spec states: each at least 1. The YAML reader already refuses anything but a
 * positive integer; an annotation's element can be any int.
 */
final class TrainingRules {

    private TrainingRules() {}

    /** Reports every stated default below 1. */
    static void check(NetworkSpec spec, Diagnostics diagnostics) {
        spec.training().ifPresent(training -> {
            for (String option : TrainingSpec.OPTIONS) {
                check(training, option, training.get(option), diagnostics);
            }
        });
    }

    private static void check(TrainingSpec training, String option, OptionalInt value, Diagnostics diagnostics) {
        if (value.isPresent() && value.getAsInt() < 1) {
            diagnostics.error(
                    DiagnosticCode.VALUE_OUT_OF_RANGE,
                    training.positions().of(option),
                    option + " of training",
                    "a whole number >= 1",
                    Integer.toString(value.getAsInt()));
        }
    }
}
