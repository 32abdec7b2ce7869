package dev.netc.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netc.runtime.data.CsvDataset;
import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link CsvDataset}: any bytes read by each of a few formats that between them reach every option (class
 * columns by name and by index, a fixed class vocabulary, real-valued targets, no header, another separator). The
 * only outcomes allowed are a data set of at least one row whose arrays agree with its shape, or a {@link
 * DataException} naming the file.
 */
class CsvDatasetFuzzTest {

    @Test
    void acceptsItsValidSeeds() {
        Path iris = input.holding(Seeds.of(getClass(), "read", "iris-head.csv"));
        assertEquals(3, FORMATS.get(0).read(iris).classCount());
        Path targets = input.holding(Seeds.of(getClass(), "read", "no-header-target-first.csv"));
        assertEquals(2, FORMATS.get(2).read(targets).size());
    }

    private static final List<CsvDataset> FORMATS = List.of(
            CsvDataset.builder().classColumn("species").build(),
            CsvDataset.builder().classColumn("label").build().withClasses(List.of("setosa", "versicolor", "0")),
            CsvDataset.builder().header(false).separator(';').targetColumn(0).build(),
            CsvDataset.builder().featureColumns(1, 0).classColumn(2).build());

    private final FuzzFile input = FuzzFile.named("fuzz.csv");

    @FuzzTest(maxDuration = "5m")
    void read(byte[] content) {
        long start = System.nanoTime();
        Path file = input.holding(content);
        for (CsvDataset format : FORMATS) {
            try {
                Dataset dataset = format.read(file);
                assertTrue(dataset.size() > 0, "a data set without rows");
                assertEquals(dataset.size() * dataset.featureSize(), dataset.features().length);
            } catch (DataException refused) {
                Outcomes.assertNamesFile(refused, file);
            }
        }
        Outcomes.assertQuick(start);
    }
}
