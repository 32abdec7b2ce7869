package dev.netc.runtime.reference;

import dev.netc.spec.ParameterLayout;

/** Names a position of the flat parameter array for failure messages: {@code hidden W[2][0]}, {@code out b[1]}. */
final class ParameterLabels {

    private ParameterLabels() {}

    static String of(ParameterLayout layout, int index) {
        for (ParameterLayout.Entry entry : layout.layers()) {
            long offset = index - entry.weights();
            if (offset >= 0 && offset < entry.weightCount()) {
                return entry.layer() + " W[" + offset / entry.inputs() + "][" + offset % entry.inputs() + "]";
            }
            if (entry.bias() >= 0 && index >= entry.bias() && index < entry.bias() + entry.units()) {
                return entry.layer() + " b[" + (index - entry.bias()) + "]";
            }
        }
        throw new IllegalArgumentException("parameter " + index + " is outside " + layout);
    }
}
