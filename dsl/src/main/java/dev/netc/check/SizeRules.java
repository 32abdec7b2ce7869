package dev.netc.check;

import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;

/**
 * Checks the sizes a spec states: the input size, each dense layer's units, the number of layers and the number of
 * feature names. The limits keep generated classes within what javac and the JIT handle well and every size
 * computation far from integer overflow; the parameter total is checked once shapes are known ({@link
 * ShapeInference}).
 */
final class SizeRules {

    /** The largest input size or unit count. */
    static final int MAX_SIZE = 65_536;
    /** The most layers a network may have. */
    static final int MAX_LAYERS = 1_024;
    /** The most parameters a network may have, 2^28: a 1 GiB {@code float[]}, well below Java's array limit. */
    static final long MAX_PARAMETERS = 1L << 28;

    private SizeRules() {}

    /**
     * Reports every size out of its range.
     *
     * @return whether every size is in range, so shapes and parameter counts can be computed from them
     */
    static boolean check(NetworkSpec spec, Diagnostics diagnostics) {
        boolean valid = checkInput(spec.input(), diagnostics);
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof DenseSpec dense && !inRange(dense.units())) {
                diagnostics.error(
                        DiagnosticCode.SIZE_OUT_OF_RANGE,
                        dense.positions().of(DenseSpec.UNITS),
                        "units of dense '" + dense.name() + "'",
                        1,
                        MAX_SIZE,
                        dense.units());
                valid = false;
            }
        }
        if (spec.layers().size() > MAX_LAYERS) {
            diagnostics.error(
                    DiagnosticCode.TOO_MANY_LAYERS,
                    spec.positions().of(NetworkSpec.LAYERS),
                    spec.layers().size(),
                    MAX_LAYERS);
            valid = false;
        }
        return valid;
    }

    private static boolean checkInput(InputSpec input, Diagnostics diagnostics) {
        if (!inRange(input.size())) {
            diagnostics.error(
                    DiagnosticCode.SIZE_OUT_OF_RANGE,
                    input.positions().of(InputSpec.SIZE),
                    "input size",
                    1,
                    MAX_SIZE,
                    input.size());
            return false;
        }
        if (!input.features().isEmpty() && input.features().size() != input.size()) {
            diagnostics.error(
                    DiagnosticCode.FEATURE_COUNT_MISMATCH,
                    input.positions().of(InputSpec.FEATURES),
                    input.size(),
                    input.features().size());
        }
        return true;
    }

    private static boolean inRange(int size) {
        return size >= 1 && size <= MAX_SIZE;
    }
}
