package dev.netc.check;

import dev.netc.spec.DenseSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostics;

/**
 * Checks each dense layer's regularisation: an L2 penalty of zero or more, and a dropout rate in [0, 1) (a rate of 1
 * would drop every unit and divide by zero when rescaling the rest).
 */
final class ValueRules {

    private ValueRules() {}

    /** Reports every L2 penalty or dropout rate out of range. */
    static void check(NetworkSpec spec, Diagnostics diagnostics) {
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof DenseSpec dense) {
                String of = " of dense '" + dense.name() + "'";
                ValueRange.NON_NEGATIVE.check(
                        dense.l2(), DenseSpec.L2 + of, dense.positions().of(DenseSpec.L2), diagnostics);
                ValueRange.FRACTION.check(
                        dense.dropout(),
                        DenseSpec.DROPOUT + of,
                        dense.positions().of(DenseSpec.DROPOUT),
                        diagnostics);
            }
        }
    }
}
