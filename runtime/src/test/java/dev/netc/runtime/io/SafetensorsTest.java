package dev.netc.runtime.io;

import static dev.netc.runtime.io.TestFiles.assertBitwiseEqual;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading safetensors: round trips, the naming schemes, and the reference writer's exact bytes. */
class SafetensorsTest {

    @TempDir
    Path directory;

    @Test
    void everySeedNetworkRoundTripsBitForBit() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (String name : Specs.SEEDS) {
            Architecture architecture = Specs.architecture(name);
            float[] parameters = Specs.parameters(architecture, name.hashCode());
            Path file = directory.resolve(name + ".safetensors");
            Safetensors.save(file, architecture, parameters);

            float[] loaded = Safetensors.load(file, architecture);
            checks.add(() -> assertBitwiseEqual(parameters, loaded, name));
        }
        assertEquals(Specs.SEEDS.size(), checks.size(), "networks saved");
        assertAll(checks);
    }

    @Test
    void chainsAreNamedAsAnNnSequentialCountingActivationAndDropoutModules() throws Exception {
        Path file = directory.resolve("dropout.safetensors");
        Architecture network = Specs.architecture("dropout-chain");

        Safetensors.save(file, network, new float[(int) network.parameterCount()]);

        // nn.Sequential(Linear(5, 6), Linear(6, 4), ReLU(), Dropout(0.5), Linear(4, 1), Sigmoid())
        assertEquals(
                List.of("0.bias", "0.weight", "1.bias", "1.weight", "4.bias", "4.weight"),
                Safetensors.read(file).names());
        assertEquals(
                Optional.of(List.of(5L, 6L, 4L, 1L)), Safetensors.read(file).sequentialWidths());
    }

    @Test
    void graphsAreNamedByLayer() throws Exception {
        Path file = directory.resolve("graph.safetensors");
        Architecture network = Specs.architecture("residual");

        Safetensors.save(file, network, new float[(int) network.parameterCount()]);

        SafetensorsFile read = Safetensors.read(file);
        assertEquals(List.of("first.bias", "first.weight", "out.bias", "out.weight", "second.weight"), read.names());
        assertEquals(Optional.empty(), read.sequentialWidths());
    }

    @Test
    void modulesMapLayersToAnyPyTorchNames() throws Exception {
        Path file = directory.resolve("modules.safetensors");
        Architecture iris = Specs.architecture("iris");
        float[] parameters = Specs.parameters(iris, 9);
        TensorMapping mapping =
                TensorMapping.modules(Map.of("hidden1", "encoder.fc1", "hidden2", "encoder.fc2", "species", "head"));

        Safetensors.save(file, iris, parameters, mapping, Map.of("format", "pt"));

        SafetensorsFile read = Safetensors.read(file);
        assertEquals(
                List.of(
                        "encoder.fc1.bias",
                        "encoder.fc1.weight",
                        "encoder.fc2.bias",
                        "encoder.fc2.weight",
                        "head.bias",
                        "head.weight"),
                read.names());
        assertEquals(Map.of("format", "pt"), read.metadata());
        assertBitwiseEqual(parameters, Safetensors.load(file, iris, mapping), "loaded with the mapping");
    }

    @Test
    void layerNamesWorkForChainsToo() throws Exception {
        Path file = directory.resolve("named.safetensors");
        Architecture iris = Specs.architecture("iris");
        float[] parameters = Specs.parameters(iris, 10);

        Safetensors.save(file, iris, parameters, TensorMapping.layerNames(), Map.of());

        assertEquals("hidden1.bias", Safetensors.read(file).names().get(0));
        assertBitwiseEqual(parameters, Safetensors.load(file, iris), "loaded automatically");
    }

    @Test
    void sequentialNamesFitOnlyChains() {
        Architecture graph = Specs.architecture("iris-graph");

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Safetensors.save(
                        directory.resolve("x.safetensors"),
                        graph,
                        new float[(int) graph.parameterCount()],
                        TensorMapping.sequential(),
                        Map.of()));

        assertEquals(
                "network IrisGraphNet is not a chain of dense layers, which is all an nn.Sequential of Linear layers"
                        + " can express; use TensorMapping.layerNames() or modules(...)",
                e.getMessage());
    }

    @Test
    void mappingMustNameEveryDenseLayerAndNoOther() {
        Architecture iris = Specs.architecture("iris");
        float[] parameters = new float[(int) iris.parameterCount()];
        Path file = directory.resolve("x.safetensors");

        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> Safetensors.save(
                        file,
                        iris,
                        parameters,
                        TensorMapping.modules(Map.of("hiden1", "fc1", "hidden2", "fc2", "species", "out")),
                        Map.of()));
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> Safetensors.save(
                        file, iris, parameters, TensorMapping.modules(Map.of("hidden1", "fc1")), Map.of()));
        IllegalArgumentException shared = assertThrows(
                IllegalArgumentException.class, () -> TensorMapping.modules(Map.of("hidden1", "fc", "hidden2", "fc")));

        assertEquals(
                "the mapping names layer 'hiden1', which network IrisNet does not have as a dense layer;"
                        + " did you mean 'hidden1'?",
                unknown.getMessage());
        assertEquals(
                "the mapping does not name a module for the dense layers [hidden2, species]", missing.getMessage());
        assertTrue(shared.getMessage().endsWith("which is empty or used for another layer"));
    }

    /**
     * The byte strings of the reference implementation's own tests: {@code test_serialization} (a 64-byte header that
     * needs no padding), {@code test_serialization_forced_alignement} (65 bytes padded to 72) and {@code test_empty}.
     */
    @Test
    void writerProducesTheReferenceBytes() throws Exception {
        float[] values = {0, 1, 2, 3, 4, 5};

        assertArrayEquals(
                reference("{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}", values),
                written(new SafetensorsWriter.Entry("attn.0", List.of(1, 2, 3), values, 0, 6)));
        assertArrayEquals(
                reference("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       ", values),
                written(new SafetensorsWriter.Entry("attn0", List.of(1, 1, 2, 3), values, 0, 6)));
        assertArrayEquals(
                reference("{\"__metadata__\":{\"framework\":\"pt\"}}     ", new float[0]),
                SafetensorsWriter.header(List.of(), Map.of("framework", "pt")));
        assertArrayEquals(reference("{}      ", new float[0]), SafetensorsWriter.header(List.of(), Map.of()));
    }

    private static byte[] written(SafetensorsWriter.Entry entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SafetensorsWriter.write(out, SafetensorsWriter.header(List.of(entry), Map.of()), List.of(entry));
        return out.toByteArray();
    }

    /** The 8-byte length of {@code header}, the header, then {@code values} as little-endian float32. */
    private static byte[] reference(String header, float[] values) {
        byte[] json = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes =
                ByteBuffer.allocate(8 + json.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(json.length).put(json);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }

    /** Valid corner cases the format allows: tensors listed out of order, a scalar, an empty tensor, no tensors. */
    @Test
    void unusualButValidHeadersAreAccepted() throws Exception {
        Path file = SafetensorsBytes.write(
                directory.resolve("odd.safetensors"),
                "{\"b\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[4,8]},"
                        + "\"a\":{\"dtype\":\"I16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                        + "\"empty\":{\"dtype\":\"F64\",\"shape\":[3,0],\"data_offsets\":[8,8]},"
                        + "\"__metadata__\":{}}   ",
                8);
        Path none = SafetensorsBytes.write(directory.resolve("none.safetensors"), "{}", 0);

        SafetensorsFile read = Safetensors.read(file);

        assertEquals(List.of("a", "b", "empty"), read.names());
        assertEquals(List.of(), read.tensor("b").orElseThrow().shape());
        assertEquals(3, read.elementCount());
        assertEquals(List.of(), Safetensors.read(none).tensors());
    }
}
