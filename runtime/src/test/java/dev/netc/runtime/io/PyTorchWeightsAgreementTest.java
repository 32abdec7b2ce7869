package dev.netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.runtime.reference.ReferenceNetwork;
import dev.netc.spec.CheckedNetwork;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights PyTorch trained and saved as safetensors ({@code fixtures/iris_sequential.safetensors} and {@code
 * fixtures/digits_mlp.safetensors}, see the README beside them) load with no mapping into the matching netc networks,
 * and the reference implementation then computes PyTorch's outputs to within {@value #TOLERANCE}.
 */
class PyTorchWeightsAgreementTest {

    /** PyTorch computed in float32; the reference computes in double. */
    private static final double TOLERANCE = 1e-5;

    /** The MNIST test images the digits fixture's outputs were computed for, in the repository's data folder. */
    private static final Path MNIST_TEST_IMAGES = Path.of("../data/mnist-10k/t10k-images-idx3-ubyte.gz");

    @TempDir
    Path directory;

    @Test
    void irisNetworkPredictsWhatPyTorchPredicted() throws Exception {
        CheckedNetwork iris = Specs.checked("iris");
        JsonNode expected = json("iris_sequential.json");

        float[] parameters = Safetensors.load(fixture("iris_sequential.safetensors"), Architecture.of(iris));
        double[][] outputs = new ReferenceNetwork(iris, parameters).forward(rows(expected.get("input")));

        assertEquals(150 * 3, compare(rows(expected.get("output")), outputs, "iris"), "values compared");
    }

    @Test
    void digitsNetworkPredictsWhatPyTorchPredicted() throws Exception {
        CheckedNetwork digits = Specs.checked("digits");
        JsonNode expected = json("digits_mlp.json");
        double[][] wanted = rows(expected.get("first_100_outputs"));

        float[] parameters = Safetensors.load(fixture("digits_mlp.safetensors"), Architecture.of(digits));
        double[][] outputs = new ReferenceNetwork(digits, parameters).forward(mnistTestImages(wanted.length));

        assertEquals(100 * 10, compare(wanted, outputs, "digits"), "values compared");
    }

    /** Re-exported, the weights keep PyTorch's names, shapes and bytes, so PyTorch loads them back unchanged. */
    @Test
    void exportedWeightsKeepPyTorchNamesAndBytes() throws Exception {
        Path original = fixture("iris_sequential.safetensors");
        Architecture iris = Specs.architecture("iris");
        Path exported = directory.resolve("iris.safetensors");
        Safetensors.save(exported, iris, Safetensors.load(original, iris));

        SafetensorsFile before = Safetensors.read(original);
        SafetensorsFile after = Safetensors.read(exported);
        assertEquals(
                List.of("0.bias", "0.weight", "2.bias", "2.weight", "4.bias", "4.weight"),
                after.names(),
                "names, in the reference writer's order");
        int compared = 0;
        for (SafetensorsTensor tensor : before.tensors()) {
            SafetensorsTensor copy = after.tensor(tensor.name()).orElseThrow();
            assertEquals(tensor.shape(), copy.shape(), tensor.name());
            assertEquals("F32", copy.dtype(), tensor.name());
            assertEquals(
                    HexFormat.of().formatHex(data(original, before, tensor)),
                    HexFormat.of().formatHex(data(exported, after, copy)),
                    tensor.name());
            compared++;
        }
        assertEquals(6, compared, "tensors compared");
        assertEquals(0, after.headerLength() % 8, "header padded to 8 bytes");
    }

    private static int compare(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + " rows");
        int compared = 0;
        for (int row = 0; row < expected.length; row++) {
            assertEquals(expected[row].length, actual[row].length, what + " columns");
            for (int column = 0; column < expected[row].length; column++) {
                double difference = Math.abs(expected[row][column] - actual[row][column]);
                int r = row;
                int c = column;
                assertTrue(
                        difference <= TOLERANCE,
                        () -> String.format(
                                Locale.ROOT,
                                "%s row %d output %d: PyTorch %.9g, netc %.9g",
                                what,
                                r,
                                c,
                                expected[r][c],
                                actual[r][c]));
                compared++;
            }
        }
        return compared;
    }

    /** The first {@code count} MNIST test images, pixels divided by 255 as the fixture's training did. */
    private static double[][] mnistTestImages(int count) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(MNIST_TEST_IMAGES)))) {
            assertEquals(0x00000803, in.readInt(), "IDX magic of unsigned-byte images");
            assertTrue(in.readInt() >= count, "image count");
            int pixels = in.readInt() * in.readInt();
            double[][] images = new double[count][pixels];
            for (double[] image : images) {
                for (int i = 0; i < pixels; i++) {
                    image[i] = in.readUnsignedByte() / 255.0;
                }
            }
            return images;
        }
    }

    private static byte[] data(Path file, SafetensorsFile header, SafetensorsTensor tensor) {
        byte[] bytes = TestFiles.bytes(file);
        int start = (int) (header.dataStart() + tensor.begin());
        return Arrays.copyOfRange(bytes, start, (int) (header.dataStart() + tensor.end()));
    }

    private static double[][] rows(JsonNode array) {
        List<double[]> rows = new ArrayList<>();
        for (JsonNode row : array) {
            double[] values = new double[row.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i).asDouble();
            }
            rows.add(values);
        }
        return rows.toArray(double[][]::new);
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(PyTorchWeightsAgreementTest.class
                .getResource("/fixtures/" + name)
                .toURI());
    }

    private static JsonNode json(String name) throws IOException {
        try (InputStream in = PyTorchWeightsAgreementTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
