package dev.netc.runtime.io;

import static dev.netc.runtime.io.TestFiles.assertBitwiseEqual;
import static dev.netc.runtime.io.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.runtime.io.SavedTransform.Values;
import dev.netc.runtime.io.WeightFileException.Problem;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.ParameterLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Saving and reading netc's own weight format, and loading the weights into networks of the same or another shape. */
class WeightFileTest {

    @TempDir
    Path directory;

    @Test
    void everySeedNetworkRoundTripsBitForBit() throws Exception {
        List<Executable> checks = new ArrayList<>();
        int saved = 0;
        for (String name : Specs.SEEDS) {
            Architecture architecture = Specs.architecture(name);
            float[] parameters = Specs.parameters(architecture, name.hashCode());
            Path file = directory.resolve(name + ".netc");
            WeightFile.of(architecture, parameters, List.of()).save(file);

            WeightFile read = WeightFile.read(file);
            checks.add(() -> assertEquals(architecture, read.architecture(), name));
            checks.add(() -> assertBitwiseEqual(parameters, read.parametersFor(architecture), name));
            checks.add(() -> assertEquals(List.of(), read.preprocessing(), name));
            checks.add(() -> assertEquals(file.toString(), read.source(), name));
            saved++;
        }
        assertEquals(Specs.SEEDS.size(), saved, "networks saved");
        assertAll(checks);
    }

    @Test
    void preprocessingIsSavedWithTheWeights() throws Exception {
        Architecture architecture = Specs.architecture("iris");
        List<SavedTransform> preprocessing = List.of(
                new SavedTransform(
                        "standardize",
                        List.of(
                                new Values("mean", new float[] {5.84f, 3.05f, 3.76f, 1.20f}),
                                new Values("scale", new float[] {0.83f, 0.43f, 1.76f, 0.76f}))),
                new SavedTransform("clip", List.of()));
        Path file = directory.resolve("iris.netc");
        WeightFile.of(architecture, Specs.parameters(architecture, 1), preprocessing)
                .save(file);

        assertEquals(preprocessing, WeightFile.read(file).preprocessing());
        assertEquals("standardize(mean[4], scale[4])", preprocessing.get(0).describe());
    }

    /** The format as docs/weights.md describes it, encoded here independently of the implementation. */
    @Test
    void bytesFollowTheDocumentedFormat() throws Exception {
        Architecture architecture = Specs.architecture("xor");
        float[] parameters = new float[11];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = i * 0.5f - 2f;
        }
        Path file = directory.resolve("xor.netc");
        WeightFile.of(architecture, parameters, List.of())
                .withClasses(List.of("off", "on"))
                .save(file);

        ByteBuffer expected = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        expected.put(new byte[] {(byte) 0x89, 'N', 'E', 'T', 'C', '\r', '\n', 0x1A})
                .putShort((short) 1)
                .putShort((short) 1)
                .put("WGHT".getBytes(StandardCharsets.US_ASCII))
                .putInt(3);
        expected.putInt(crc(expected.array(), 0, 20));
        ByteBuffer layers = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        string(layers, "XorNet").putInt(3).putInt(2);
        string(string(string(layers, "dense1"), "dense").putInt(1), "input")
                .putInt(3)
                .putInt(2)
                .put((byte) 1);
        string(layers, "sigmoid").putDouble(0);
        string(string(string(layers, "dense2"), "dense").putInt(1), "dense1")
                .putInt(2)
                .putInt(1)
                .put((byte) 1);
        string(layers, "sigmoid").putDouble(0);
        section(expected, "architecture", Arrays.copyOf(layers.array(), layers.position()));
        ByteBuffer floats = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : parameters) {
            floats.putFloat(value);
        }
        section(expected, "parameters", floats.array());
        ByteBuffer classes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        string(string(classes.putInt(2), "off"), "on");
        section(expected, "classes", Arrays.copyOf(classes.array(), classes.position()));

        assertArrayEquals(Arrays.copyOf(expected.array(), expected.position()), TestFiles.bytes(file));
    }

    @Test
    void tensorsFollowTheParameterLayout() {
        List<Executable> checks = new ArrayList<>();
        for (String name : Specs.SEEDS) {
            CheckedNetwork network = Specs.checked(name);
            List<Architecture.Tensor> tensors = Architecture.of(network).tensors();
            List<Architecture.Tensor> expected = new ArrayList<>();
            for (ParameterLayout.Entry entry : network.layout().layers()) {
                String layer = entry.layer();
                expected.add(new Architecture.Tensor(
                        layer + ".weight", layer, List.of(entry.units(), entry.inputs()), entry.weights()));
                if (entry.bias() >= 0) {
                    expected.add(new Architecture.Tensor(layer + ".bias", layer, List.of(entry.units()), entry.bias()));
                }
            }
            checks.add(() -> assertEquals(expected, tensors, name));
            checks.add(() -> assertEquals(
                    network.layout().count(), Architecture.of(network).parameterCount(), name));
        }
        assertEquals(Specs.SEEDS.size() * 2, checks.size(), "checks");
        assertAll(checks);
    }

    @Test
    void weightsForAnotherShapeAreRefusedShowingBothArchitectures() throws Exception {
        Architecture saved = Specs.architecture("iris");
        Path file = directory.resolve("iris.netc");
        WeightFile.of(saved, Specs.parameters(saved, 2), List.of()).save(file);
        WeightFile read = WeightFile.read(file);

        WeightFileException e = assertFails(
                Problem.ARCHITECTURE_MISMATCH,
                () -> read.parametersFor(Specs.architecture("wide-iris")),
                file + ": the weights do not fit network IrisNet:",
                "tensor 'hidden1.weight': file [8, 4] vs network [64, 4]",
                "tensor 'hidden1.bias': file [8] vs network [64]",
                "tensor 'hidden2.weight': file [8, 8] vs network [8, 64]",
                "the file's network:\nIrisNet: 4 inputs, 139 parameters",
                "the network loading it:\nIrisNet: 4 inputs, 867 parameters",
                "  hidden1  dense  input      64  tanh        hidden1.weight [64, 4], hidden1.bias [64]");
        assertEquals(
                3,
                e.getMessage()
                        .lines()
                        .filter(line -> line.startsWith("  tensor '"))
                        .count(),
                e::getMessage);
    }

    @Test
    void graphDifferencesNameTheLayers() throws Exception {
        Architecture saved = Specs.architecture("residual");
        Path file = directory.resolve("residual.netc");
        WeightFile.of(saved, Specs.parameters(saved, 3), List.of()).save(file);
        Architecture concatenated = new Architecture(
                "ResidualNet",
                7,
                List.of(
                        new Architecture.Layer("first", "dense", List.of("input"), 7, 8, true, "relu", 0),
                        new Architecture.Layer("second", "dense", List.of("first"), 8, 8, false, "tanh", 0),
                        new Architecture.Layer("both", "concat", List.of("first", "second"), 16, 16, false, "", 0),
                        new Architecture.Layer("out", "dense", List.of("both"), 16, 2, true, "softmax", 0)));

        assertFails(
                Problem.ARCHITECTURE_MISMATCH,
                () -> WeightFile.read(file).parametersFor(concatenated),
                "input: file 6 features vs network 7",
                "layer 'both': file add reading [first, second] vs network concat reading [first, second]",
                "tensor 'first.weight': file [8, 6] vs network [8, 7]",
                "tensor 'out.weight': file [2, 8] vs network [2, 16]");
    }

    @Test
    void activationsDropoutAndClassNameAreNotPartOfTheShape() throws Exception {
        Architecture saved = Specs.architecture("iris");
        float[] parameters = Specs.parameters(saved, 4);
        Path file = directory.resolve("iris.netc");
        WeightFile.of(saved, parameters, List.of()).save(file);
        List<Architecture.Layer> layers = new ArrayList<>();
        for (Architecture.Layer layer : saved.layers()) {
            layers.add(new Architecture.Layer(
                    layer.name(),
                    layer.kind(),
                    layer.inputs(),
                    layer.inputSize(),
                    layer.size(),
                    layer.bias(),
                    "gelu",
                    0.5));
        }

        float[] loaded = WeightFile.read(file).parametersFor(new Architecture("OtherNet", 4, layers));

        assertBitwiseEqual(parameters, loaded, "parameters");
    }

    @Test
    void savingReplacesTheOldFileAndLeavesNoTemporary() throws Exception {
        Architecture architecture = Specs.architecture("blobs");
        Path file = directory.resolve("blobs.netc");
        WeightFile.of(architecture, Specs.parameters(architecture, 5), List.of())
                .save(file);
        float[] second = Specs.parameters(architecture, 6);
        WeightFile.of(architecture, second, List.of()).save(file);

        assertBitwiseEqual(second, WeightFile.read(file).parametersFor(architecture), "second save");
        assertEquals(List.of(), TestFiles.temporaries(directory));
    }

    @Test
    void parameterCountMustMatchTheArchitecture() {
        Architecture architecture = Specs.architecture("xor");

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> WeightFile.of(architecture, new float[10], List.of()));

        assertEquals("network XorNet has 11 parameters, found 10", e.getMessage());
    }

    @Test
    void describeShowsEveryLayerAndItsTensors() {
        assertEquals(
                """
                IrisGraphNet: 4 inputs, 131 parameters
                  layer    kind    reads        size  activation  tensors
                  left     dense   input           8  tanh        left.weight [8, 4], left.bias [8]
                  right    dense   input           8  relu        right.weight [8, 4], right.bias [8]
                  both     concat  left, right    16
                  species  dense   both            3  softmax     species.weight [3, 16], species.bias [3]""",
                Specs.architecture("iris-graph").describe());
    }

    private static ByteBuffer string(ByteBuffer buffer, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return buffer.putShort((short) utf8.length).put(utf8);
    }

    private static void section(ByteBuffer file, String name, byte[] payload) {
        int start = file.position();
        file.put((byte) name.length())
                .put(name.getBytes(StandardCharsets.US_ASCII))
                .putLong(payload.length);
        file.put(payload);
        file.putInt(crc(file.array(), start, file.position() - start));
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
