package dev.netc.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.io.WeightFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes netc's own container: any bytes read as a weight file and as a checkpoint. {@link #read} takes the bytes as
 * they are, which exercises the header, lengths and checksums; {@link #readRepaired} first makes every checksum match
 * ({@link Crc32cRepair}), so that mutations reach the decoders of the architecture, parameters, preprocessing and
 * training state. The only outcomes allowed are a file whose parameters fit its architecture, or a {@link
 * WeightFileException} naming the file.
 */
class WeightFileFuzzTest {

    /**
     * The longest input the fuzzer makes. Jazzer's default, 1,000 bytes, would cut the checkpoint seed (2,864 bytes)
     * short, and the fuzzer would never reach the training-state sections behind the parameters.
     */
    private static final int MAX_LENGTH = 4096;

    private final FuzzFile input = FuzzFile.named("fuzz.netc");

    @FuzzTest(maxDuration = "5m")
    void read(byte @WithLength(max = MAX_LENGTH) [] content) {
        long start = System.nanoTime();
        readBoth(input.holding(content));
        Outcomes.assertQuick(start);
    }

    @FuzzTest(maxDuration = "5m")
    void readRepaired(byte @WithLength(max = MAX_LENGTH) [] content) {
        long start = System.nanoTime();
        readBoth(input.holding(Crc32cRepair.repaired(content)));
        Outcomes.assertQuick(start);
    }

    @Test
    void acceptsItsValidSeeds() throws WeightFileException {
        Path weights = input.holding(Seeds.of(getClass(), "read", "iris-preprocessing.netc"));
        assertEquals(2, WeightFile.read(weights).preprocessing().size());
        byte[] checkpoint = Seeds.of(getClass(), "readRepaired", "iris.ckpt");
        assertArrayEquals(checkpoint, Crc32cRepair.repaired(checkpoint));
        assertEquals(139, Checkpoint.read(input.holding(checkpoint)).weights().parameters().length);
    }

    private static void readBoth(Path file) {
        try {
            WeightFile weights = WeightFile.read(file);
            assertEquals(weights.architecture().parameterCount(), weights.parameters().length);
        } catch (WeightFileException refused) {
            Outcomes.assertNamesFile(refused, file);
        }
        try {
            WeightFile weights = Checkpoint.read(file).weights();
            assertEquals(weights.architecture().parameterCount(), weights.parameters().length);
        } catch (WeightFileException refused) {
            Outcomes.assertNamesFile(refused, file);
        }
    }
}
