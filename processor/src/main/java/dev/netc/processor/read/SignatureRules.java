package dev.netc.processor.read;

import dev.netc.processor.read.JavaSignature.Output;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;

/**
 * Checks that the method's return type fits the checked network's output layer: a {@code float} or {@code boolean}
 * is one unit, and an {@code int} (the arg-max) chooses among at least two. The validator cannot check this, as the
 * spec does not know the Java signature; it checks an enum's constants against the units itself (the constants are
 * the spec's classes).
 */
public final class SignatureRules {

    private SignatureRules() {}

    /**
     * Reports a return type that does not fit the output layer, at the layer's units.
     *
     * @return whether the return type fits
     */
    public static boolean check(CheckedNetwork network, JavaSignature signature, Diagnostics diagnostics) {
        Output output = signature.output();
        DenseSpec layer = network.output();
        int units = layer.units();
        String needed;
        if ((output == Output.FLOAT || output == Output.BOOLEAN) && units != 1) {
            needed = "exactly 1 unit";
        } else if (output == Output.INT && units < 2) {
            needed = "at least 2 units to choose the arg-max from";
        } else {
            return true;
        }
        diagnostics.error(
                DiagnosticCode.OUTPUT_TYPE_SIZE,
                layer.positions().of(DenseSpec.UNITS),
                output.javaName(),
                needed,
                layer.name(),
                units == 1 ? "1 unit" : units + " units");
        return false;
    }
}
