package dev.netc.check;

import dev.netc.spec.LayerSpec;
import java.util.List;

/**
 * A network's wiring once it is known to be sound: every layer reachable from the one output, no cycles, every input
 * resolved.
 *
 * @param order the layers in evaluation order (a depth-first post-order walk from the output, visiting inputs in the
 *     order listed), each with its inputs named explicitly; the output is last
 */
record Graph(List<LayerSpec> order) {

    Graph {
        order = List.copyOf(order);
    }

    /** The output layer. */
    LayerSpec output() {
        return order.get(order.size() - 1);
    }
}
