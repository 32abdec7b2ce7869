package dev.netc.runtime.io;

import dev.netc.runtime.io.Architecture.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Formats an {@link Architecture} as a small table, one layer per line, so that a mismatch message can show the
 * file's network above the program's and a person sees the difference at a glance:
 *
 * <pre>
 * IrisNet: 4 inputs, 131 parameters
 *   layer    kind   reads    size  activation  tensors
 *   hidden1  dense  input       8  tanh        hidden1.weight [8, 4], hidden1.bias [8]
 * </pre>
 */
final class ArchitectureTable {

    private static final String INDENT = "  ";
    private static final String GAP = "  ";

    private ArchitectureTable() {}

    static String of(Architecture architecture) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "kind", "reads", "size", "activation", "tensors"});
        for (Layer layer : architecture.layers()) {
            rows.add(new String[] {
                layer.name(),
                layer.kind(),
                String.join(", ", layer.inputs()),
                Integer.toString(layer.size()),
                activation(layer),
                tensors(architecture, layer)
            });
        }
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "%s: %d inputs, %d parameters",
                architecture.network(),
                architecture.inputSize(),
                architecture.parameterCount()));
        int[] widths = widths(rows);
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(INDENT);
            for (int column = 0; column < row.length; column++) {
                String cell = row[column];
                String padding = " ".repeat(widths[column] - cell.length());
                // The size column is numeric: right-aligned, as numbers are.
                line.append(column == 3 ? padding + cell : cell + padding).append(GAP);
            }
            text.append('\n').append(line.toString().stripTrailing());
        }
        return text.toString();
    }

    private static String activation(Layer layer) {
        if (layer.dropout() > 0) {
            return layer.activation() + ", dropout " + layer.dropout();
        }
        return layer.activation();
    }

    private static String tensors(Architecture architecture, Layer layer) {
        return architecture.tensors().stream()
                .filter(tensor -> tensor.layer().equals(layer.name()))
                .map(tensor -> tensor.name() + " " + tensor.shapeText())
                .collect(Collectors.joining(", "));
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        return widths;
    }
}
