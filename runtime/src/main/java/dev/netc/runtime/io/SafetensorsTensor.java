package dev.netc.runtime.io;

import java.util.List;
import java.util.Objects;

/**
 * One tensor listed in a safetensors header.
 *
 * @param name its name, for example {@code 0.weight}
 * @param dtype its element type as the header spells it, for example {@code F32}
 * @param shape its dimensions, outermost first (row-major, C order); empty for a scalar
 * @param begin where its bytes start, counted from the end of the header
 * @param end where its bytes end (exclusive), counted from the end of the header
 */
public record SafetensorsTensor(String name, String dtype, List<Long> shape, long begin, long end) {

    public SafetensorsTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = List.copyOf(shape);
    }

    /** Number of elements: the product of the shape (1 for a scalar). The header check guarantees no overflow. */
    public long count() {
        long count = 1;
        for (long dimension : shape) {
            count *= dimension;
        }
        return count;
    }

    /** The shape as {@code [8, 4]}. */
    public String shapeText() {
        return shape.toString();
    }
}
