package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.Optimizer.Kind;
import dev.netc.spec.OptimizerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the defaults table of {@code docs/optimizers.md} equal to {@link OptimizerSpec#defaults}, the one place the
 * code states them: each kind's row gives each option it takes at its default, and a dash for each it does not.
 */
class OptimizerDocsTest {

    private static final Path DOC = Path.of("..", "docs", "optimizers.md");
    private static final String HEADER =
            "| kind | learning_rate | momentum | rho | beta1 | beta2 | epsilon | weight_decay |";
    private static final String NOT_TAKEN = "–";

    @Test
    void theDefaultsTableMatchesTheCode() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int header = lines.indexOf(HEADER);
        assertTrue(header >= 0, () -> DOC + " has no line " + HEADER);
        List<String> options = cells(lines.get(header)).subList(1, 8);
        Set<Kind> rows = EnumSet.noneOf(Kind.class);
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = cells(line);
            Kind kind = Kind.valueOf(cells.get(0).replace("`", "").toUpperCase(Locale.ROOT));
            OptimizerSpec defaults = OptimizerSpec.defaults(kind);
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                String cell = cells.get(i + 1);
                String where = DOC + ": " + kind.yamlName() + " " + option;
                if (OptimizerSpec.options(kind).contains(option)) {
                    assertEquals(defaults.get(option), Double.parseDouble(cell), where);
                } else {
                    assertEquals(NOT_TAKEN, cell, where);
                }
            }
            rows.add(kind);
        }
        assertEquals(EnumSet.allOf(Kind.class), rows, DOC + ": kinds in the defaults table");
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : Arrays.asList(line.split("\\|"))) {
            if (!cell.isBlank()) {
                cells.add(cell.strip());
            }
        }
        return cells;
    }
}
