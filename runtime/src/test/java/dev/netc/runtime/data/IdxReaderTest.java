package dev.netc.runtime.data;

import static dev.netc.runtime.data.IdxFiles.concat;
import static dev.netc.runtime.data.IdxFiles.gzip;
import static dev.netc.runtime.data.IdxFiles.idx;
import static dev.netc.runtime.data.IdxFiles.u8;
import static dev.netc.runtime.data.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    static final Path MNIST = Path.of("../data/mnist-10k");
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path directory;

    @Test
    void theShippedMnistDigitsLoadWithTheirShapesAndClassCounts() {
        Dataset train = IdxReader.mnist()
                .readDataset(
                        MNIST.resolve("train-images-idx3-ubyte.gz"), MNIST.resolve("train-labels-idx1-ubyte.gz"), 10);
        Dataset test = IdxReader.mnist()
                .readDataset(
                        MNIST.resolve("t10k-images-idx3-ubyte.gz"), MNIST.resolve("t10k-labels-idx1-ubyte.gz"), 10);

        assertEquals(8000, train.size());
        assertEquals(2000, test.size());
        assertArrayEquals(new int[] {28, 28}, train.featureShape());
        assertArrayEquals(new int[] {28, 28}, test.featureShape());
        // The counts and pixel sums were computed from the same files with Python's gzip module.
        assertArrayEquals(new int[] {801, 902, 793, 826, 784, 690, 811, 856, 755, 782}, train.classCounts());
        assertArrayEquals(new int[] {200, 225, 198, 206, 196, 173, 203, 214, 189, 196}, test.classCounts());
        assertEquals(210_066_153, sum(train.features()));
        assertEquals(52_080_447, sum(test.features()));
    }

    @Test
    void fashionMnistLoadsAllSixtyThousandTrainingImages() {
        assumeTrue(
                Files.isDirectory(FASHION_MNIST),
                "Fashion-MNIST is not installed at " + FASHION_MNIST + " (apt-get install -y dataset-fashion-mnist);"
                        + " skipping the full-size load");

        Dataset train = IdxReader.mnist()
                .readDataset(
                        FASHION_MNIST.resolve("train-images-idx3-ubyte.gz"),
                        FASHION_MNIST.resolve("train-labels-idx1-ubyte.gz"),
                        10);
        Dataset test = IdxReader.mnist()
                .readDataset(
                        FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz"),
                        FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz"),
                        10);

        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {28, 28}, train.featureShape());
        int[] sixThousandEach = new int[10];
        Arrays.fill(sixThousandEach, 6000);
        assertArrayEquals(sixThousandEach, train.classCounts());
    }

    @Test
    void everyTypeDecodesBigEndianValues() {
        ByteBuffer i16 = ByteBuffer.allocate(6)
                .putShort((short) -2)
                .putShort((short) 300)
                .putShort(Short.MAX_VALUE);
        ByteBuffer i32 = ByteBuffer.allocate(12).putInt(-70_000).putInt(0).putInt(1 << 24);
        ByteBuffer f32 = ByteBuffer.allocate(12).putFloat(-1.5f).putFloat(0.1f).putFloat(3e38f);
        ByteBuffer f64 = ByteBuffer.allocate(24).putDouble(-2.25).putDouble(0.1).putDouble(1e-300);
        byte[] bytes = {(byte) 0xff, 0, 127};

        assertValues(IdxType.U8, idx(0x08, new int[] {3}, bytes), 255, 0, 127);
        assertValues(IdxType.I8, idx(0x09, new int[] {3}, bytes), -1, 0, 127);
        assertValues(IdxType.I16, idx(0x0B, new int[] {3}, i16.array()), -2, 300, 32767);
        assertValues(IdxType.I32, idx(0x0C, new int[] {3}, i32.array()), -70_000, 0, 16_777_216);
        assertValues(IdxType.F32, idx(0x0D, new int[] {3}, f32.array()), -1.5f, 0.1f, 3e38f);
        assertValues(IdxType.F64, idx(0x0E, new int[] {3}, f64.array()), -2.25f, 0.1f, 0f);
    }

    @Test
    void anyNumberOfDimensions() {
        int[] values = new int[2 * 1 * 3 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Path file = write(directory.resolve("four.idx"), u8(new int[] {2, 1, 3, 2}, values));

        IdxArray array = IdxReader.any().read(file);
        Dataset data = IdxReader.any()
                .requireDimensions(4)
                .readDataset(file, write(directory.resolve("labels"), u8(new int[] {2}, 1, 0)), 2);

        assertArrayEquals(new int[] {2, 1, 3, 2}, array.dimensions());
        assertEquals(11f, array.values()[11]);
        assertArrayEquals(new int[] {1, 3, 2}, data.featureShape());
        assertEquals(6f, data.feature(1, 0));
        assertEquals(1, data.classIndex(0));
    }

    @Test
    void gzipIsDetectedByContentNotByName() {
        byte[] plain = u8(new int[] {2, 2}, 1, 2, 3, 4);
        Path plainNamedGz = write(directory.resolve("plain.gz"), plain);
        Path gzipNamedPlain = write(directory.resolve("compressed-idx2-ubyte"), gzip(plain));

        assertArrayEquals(
                new float[] {1, 2, 3, 4}, IdxReader.any().read(plainNamedGz).values());
        assertArrayEquals(
                new float[] {1, 2, 3, 4}, IdxReader.any().read(gzipNamedPlain).values());
    }

    @Test
    void gzipMembersFollowingEachOtherFormOneStream() {
        byte[] file = u8(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        byte[] twoMembers = concat(gzip(Arrays.copyOf(file, 9)), gzip(Arrays.copyOfRange(file, 9, file.length)));
        Path path = write(directory.resolve("two-members.gz"), twoMembers);

        assertArrayEquals(
                new float[] {1, 2, 3, 4, 5, 6}, IdxReader.any().read(path).values());
    }

    private void assertValues(IdxType type, byte[] file, float... expected) {
        Path path = write(directory.resolve(type + ".idx"), file);
        IdxArray array = IdxReader.any().requireType(type).read(path);
        assertEquals(type, array.type());
        assertArrayEquals(expected, array.values(), type.toString());
    }

    private static long sum(float[] values) {
        long sum = 0;
        for (float value : values) {
            sum += (long) value;
        }
        return sum;
    }
}
