package dev.netc.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.IdxArray;
import dev.netc.runtime.data.IdxReader;
import dev.netc.runtime.data.IdxType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link IdxReader}, plain and gzipped (the reader decides by the first bytes): any bytes read as an array, and
 * as a labelled data set whose images and labels are both that file (a one-dimensional integer file of values below
 * ten is a valid data set of itself, so the label checks are reached too). The only outcomes allowed are a result
 * whose size matches its header, or a {@link DataException} naming the file.
 */
class IdxReaderFuzzTest {

    @Test
    void acceptsItsValidSeeds() {
        Path file = input.holding(Seeds.of(getClass(), "read", "u8-labels-of-themselves.idx.gz"));
        assertEquals(IdxType.U8, IdxReader.any().read(file).type());
        assertEquals(6, IdxReader.any().readDataset(file, file, CLASSES).size());
    }

    private static final int CLASSES = 10;

    private final FuzzFile input = FuzzFile.named("fuzz.idx");

    @FuzzTest(maxDuration = "5m")
    void read(byte[] content) {
        long start = System.nanoTime();
        Path file = input.holding(content);
        try {
            IdxArray array = IdxReader.any().read(file);
            long count = 1;
            for (int dimension : array.dimensions()) {
                count *= dimension;
            }
            assertEquals(count, array.values().length);
        } catch (DataException refused) {
            Outcomes.assertNamesFile(refused, file);
        }
        try {
            Dataset dataset = IdxReader.any().readDataset(file, file, CLASSES);
            assertEquals(dataset.size() * dataset.featureSize(), dataset.features().length);
        } catch (DataException refused) {
            Outcomes.assertNamesFile(refused, file);
        }
        Outcomes.assertQuick(start);
    }
}
