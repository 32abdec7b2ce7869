package dev.netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.function.Executable;

/** Small file and assertion helpers shared by the weight-file tests. */
final class TestFiles {

    private TestFiles() {}

    /** {@code values} as raw bits, so that comparisons see every NaN payload and the sign of zero. */
    static int[] rawBits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    static void assertBitwiseEqual(float[] expected, float[] actual, String what) {
        assertArrayEquals(rawBits(expected), rawBits(actual), what);
    }

    /** Writes {@code bytes} to {@code file} (plainly: tests build corrupt files with this). */
    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The temporary files {@link AtomicFiles} left in {@code directory}. */
    static List<Path> temporaries(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> entry.getFileName().toString().endsWith(AtomicFiles.TEMPORARY_SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code action} throws a {@link WeightFileException} with {@code problem} whose message contains
     * every one of {@code fragments}, and returns it.
     */
    static WeightFileException assertFails(
            WeightFileException.Problem problem, Executable action, String... fragments) {
        WeightFileException e = assertThrows(WeightFileException.class, action);
        assertEquals(problem, e.problem(), e::getMessage);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "no '" + fragment + "' in: " + e.getMessage());
        }
        assertTrue(e.getMessage().endsWith("[weights:" + problem.tag() + "]"), e::getMessage);
        return e;
    }

    /** Recomputes the header checksum after a test changed a header field (a version, say) on purpose. */
    static void resealHeader(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, SectionFile.HEADER_BYTES - 4);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(SectionFile.HEADER_BYTES - 4, (int)
                crc.getValue());
    }
}
