package dev.netc.runtime.io;

import static dev.netc.runtime.io.SafetensorsBytes.tensor;
import static dev.netc.runtime.io.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.io.WeightFileException.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * safetensors files that break a rule of the format (RELIABILITY.md rows S1 to S3) or do not fit the network they are
 * loaded into: each refused with a message naming the file, the tensor, and the reference implementation's name for
 * the error.
 */
class SafetensorsErrorsTest {

    @TempDir
    Path directory;

    private Path file;

    private Path write(String header, int dataBytes) {
        file = SafetensorsBytes.write(directory.resolve("model.safetensors"), header, dataBytes);
        return file;
    }

    /** For tests that check several files at the end: each its own. */
    private Path writeCase(int index, String header, int dataBytes) {
        return SafetensorsBytes.write(directory.resolve("case" + index + ".safetensors"), header, dataBytes);
    }

    private Path writeBytes(byte[] bytes) {
        file = TestFiles.write(directory.resolve("model.safetensors"), bytes);
        return file;
    }

    private Path lengthOnly(long headerLength, int more) {
        ByteBuffer bytes =
                ByteBuffer.allocate(8 + more).order(ByteOrder.LITTLE_ENDIAN).putLong(headerLength);
        return writeBytes(bytes.array());
    }

    @Test
    void headerLengthAboveTheLimitIsRefusedWithoutAllocating() {
        for (long length : new long[] {1L << 60, Long.MIN_VALUE, Safetensors.MAX_HEADER_LENGTH + 1}) {
            lengthOnly(length, 16);

            assertFails(
                    Problem.HEADER_TOO_LARGE,
                    () -> Safetensors.read(file),
                    file + ": header length " + Long.toUnsignedString(length)
                            + " exceeds the limit of 100000000 bytes (safetensors: HeaderTooLarge)");
        }
    }

    @Test
    void headerLongerThanTheFileIsRefused() {
        lengthOnly(100, 50);

        assertFails(
                Problem.INVALID_HEADER_LENGTH,
                () -> Safetensors.read(file),
                "header length 100 exceeds the file size 58 minus the 8-byte length (safetensors: InvalidHeaderLength)");
    }

    @Test
    void fileShorterThanTheLengthFieldIsRefused() {
        writeBytes(new byte[] {2, 0, 0});

        assertFails(
                Problem.INVALID_HEADER_LENGTH,
                () -> Safetensors.read(file),
                "expected at least 8 bytes (the header length), found 3 (safetensors: HeaderTooSmall)");
    }

    @Test
    void headerMustStartWithABrace() {
        write(" {}", 0);

        assertFails(
                Problem.INVALID_HEADER,
                () -> Safetensors.read(file),
                "expected the header to start with '{', found ' ' (safetensors: InvalidHeaderStart)");
    }

    @Test
    void headerMustBeUtf8() {
        byte[] header = "{\"a\u00ff\":1}".getBytes(StandardCharsets.ISO_8859_1);
        writeBytes(SafetensorsBytes.bytes(header, 0));

        assertFails(
                Problem.INVALID_HEADER,
                () -> Safetensors.read(file),
                "the header is not valid UTF-8 (safetensors: InvalidHeader)");
    }

    @Test
    void headerMustBeJson() {
        List<String> headers = List.of(
                "{\"a\":{\"dtype\":\"F32\",}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}} {}",
                "{" + "\"a\":".repeat(1) + "[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]}",
                "{'a':1}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[NaN],\"data_offsets\":[0,4]}}");
        List<Executable> checks = new ArrayList<>();
        for (String header : headers) {
            Path damaged = writeCase(checks.size(), header, 4);
            checks.add(() -> assertFails(
                    Problem.INVALID_HEADER,
                    () -> Safetensors.read(damaged),
                    "(safetensors: InvalidHeaderDeserialization)"));
        }
        assertEquals(headers.size(), checks.size());
        assertAll(checks);
    }

    @Test
    void tensorEntriesHaveExactlyTheirThreeFields() {
        String[][] cases = {
            {
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}",
                "tensor 'a': expected the fields dtype, shape and data_offsets"
            },
            {
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"offset\":0}}",
                "tensor 'a': unknown field 'offset'; expected dtype, shape and data_offsets"
            },
            {
                "{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                "tensor 'a': field 'dtype' appears twice"
            },
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,2,4]}}", "expected at most 2 numbers"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}}", "found 1 numbers"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", "expected a non-negative integer"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}}", "found 1.0"},
            {"{\"a\":{\"dtype\":\"F33\",\"shape\":[1],\"data_offsets\":[0,4]}}", "unknown dtype 'F33'; expected one of"
            },
            {"{\"a\":[1]}", "tensor 'a': expected an object with dtype, shape and data_offsets, found an array"}
        };
        List<Executable> checks = new ArrayList<>();
        for (String[] c : cases) {
            Path damaged = writeCase(checks.size(), c[0], 4);
            checks.add(() -> assertFails(Problem.INVALID_HEADER, () -> Safetensors.read(damaged), c[1]));
        }
        assertEquals(9, checks.size());
        assertAll(checks);
    }

    @Test
    void duplicateTensorNamesAreRefused() {
        write("{" + tensor("a", "F32", "[1]", 0, 4) + "," + tensor("a", "F32", "[1]", 4, 8) + "}", 8);

        assertFails(
                Problem.DUPLICATE_TENSOR,
                () -> Safetensors.read(file),
                file + ": tensor 'a': the name appears twice in the header");
    }

    @Test
    void metadataMapsStringsToStrings() {
        write("{\"__metadata__\":{\"format\":\"pt\",\"epochs\":3}}", 0);
        assertFails(
                Problem.INVALID_HEADER,
                () -> Safetensors.read(file),
                "__metadata__ entry 'epochs': expected a string value (metadata maps strings to strings), found a"
                        + " number");

        write("{\"__metadata__\":[\"pt\"]}", 0);
        assertFails(
                Problem.INVALID_HEADER, () -> Safetensors.read(file), "__metadata__: expected an object of strings");
    }

    @Test
    void overlappingOffsetsAreRefused() {
        write("{" + tensor("a", "F32", "[2]", 0, 8) + "," + tensor("b", "F32", "[2]", 4, 12) + "}", 12);

        assertFails(
                Problem.INVALID_OFFSET,
                () -> Safetensors.read(file),
                file + ": tensor 'b': data_offsets [4, 12]: begins at 4, inside 'a', which ends at 8: overlapping"
                        + " (safetensors: InvalidOffset)");
    }

    @Test
    void gapsAreRefused() {
        write("{" + tensor("a", "F32", "[1]", 0, 4) + "," + tensor("b", "F32", "[1]", 8, 12) + "}", 12);
        assertFails(
                Problem.INVALID_OFFSET,
                () -> Safetensors.read(file),
                "tensor 'b': data_offsets [8, 12]: begins at 8, but 'a' ends at 4: a gap of 4 bytes");

        write("{" + tensor("a", "F32", "[1]", 4, 8) + "}", 8);
        assertFails(Problem.INVALID_OFFSET, () -> Safetensors.read(file), "the first tensor begins at 4, not 0");
    }

    @Test
    void endBeforeBeginIsRefused() {
        write(
                "{" + tensor("a", "F32", "[0]", 0, 0) + "," + tensor("b", "F32", "[1]", 0, 4) + ","
                        + tensor("c", "U8", "[0]", 4, 2) + "}",
                4);

        assertFails(
                Problem.INVALID_OFFSET,
                () -> Safetensors.read(file),
                "tensor 'c': data_offsets [4, 2]: ends at 2, before it begins at 4");
    }

    @Test
    void sizeMustBeShapeTimesDtype() {
        write("{" + tensor("a", "F32", "[2,3]", 0, 20) + "}", 20);

        assertFails(
                Problem.TENSOR_INVALID_INFO,
                () -> Safetensors.read(file),
                "tensor 'a': shape [2, 3] of F32 needs 24 bytes, but data_offsets [0, 20] hold 20"
                        + " (safetensors: TensorInvalidInfo)");
    }

    @Test
    void subByteTensorsMustFillWholeBytes() {
        write("{" + tensor("a", "F4", "[3]", 0, 2) + "}", 2);

        assertFails(
                Problem.TENSOR_INVALID_INFO,
                () -> Safetensors.read(file),
                "shape [3] of F4 is 12 bits, not a whole number of bytes (safetensors: MisalignedSlice)");
    }

    @Test
    void shapeProductOverflowIsRefused() {
        write("{" + tensor("a", "F32", "[4294967296,4294967296]", 0, 4) + "}", 4);
        assertFails(
                Problem.VALIDATION_OVERFLOW,
                () -> Safetensors.read(file),
                "tensor 'a': the size of shape [4294967296, 4294967296] of F32 overflows 63 bits"
                        + " (safetensors: ValidationOverflow)");

        write("{" + tensor("a", "F32", "[18446744073709551615]", 0, 4) + "}", 4);
        assertFails(Problem.VALIDATION_OVERFLOW, () -> Safetensors.read(file), "does not fit 63 bits");
    }

    @Test
    void trailingBytesAreRefused() {
        write("{" + tensor("a", "F32", "[1]", 0, 4) + "}", 7);

        assertFails(
                Problem.INCOMPLETE_BUFFER,
                () -> Safetensors.read(file),
                "the tensors end at data byte 4, but the file has 3 unexpected trailing bytes"
                        + " (safetensors: MetadataIncompleteBuffer)");
    }

    @Test
    void headerClaimingMoreDataThanTheFileHoldsIsRefused() {
        write("{" + tensor("a", "F32", "[1000]", 0, 4000) + "}", 100);

        assertFails(
                Problem.INCOMPLETE_BUFFER,
                () -> Safetensors.read(file),
                "the tensors end at data byte 4000, but the file holds only 100 data bytes (is it truncated?)");
    }

    /**
     * A change to any one byte of a real header is refused with a netc message, or (in a name or the padding) leaves a
     * valid header that puts every tensor where the original did. Nothing else may happen.
     */
    @Test
    void everyHeaderByteChangeIsRefusedOrHarmless() throws Exception {
        Path fixture = PyTorchWeightsAgreementTest.fixture("iris_sequential.safetensors");
        byte[] good = TestFiles.bytes(fixture);
        List<List<Long>> layout = layout(Safetensors.read(fixture));
        int headerEnd = (int) Safetensors.read(fixture).dataStart();
        int refused = 0;
        int harmless = 0;
        for (int i = 0; i < headerEnd; i++) {
            byte[] bytes = good.clone();
            bytes[i] ^= (byte) 0x5A;
            writeBytes(bytes);
            SafetensorsFile read;
            try {
                read = Safetensors.read(file);
            } catch (WeightFileException e) {
                refused++;
                continue;
            }
            assertEquals(layout, layout(read), "byte " + i + " changed");
            harmless++;
        }
        assertEquals(headerEnd, refused + harmless, "changes tried");
        assertTrue(refused > harmless, refused + " refused, " + harmless + " harmless");
    }

    /** Shape, dtype and offsets of each tensor in data order, without names. */
    private static List<List<Long>> layout(SafetensorsFile file) {
        return file.tensors().stream()
                .map(t -> List.of((long) t.dtype().hashCode(), (long) t.shape().hashCode(), t.begin(), t.end()))
                .toList();
    }

    @Test
    void wrongDtypeIsRefusedNamingTheTensor() throws Exception {
        Architecture xor = Specs.architecture("xor");
        write(
                "{" + tensor("0.weight", "I64", "[2,3]", 0, 48) + "," + tensor("0.bias", "F32", "[2]", 48, 56) + ","
                        + tensor("2.weight", "F32", "[1,2]", 56, 64) + "," + tensor("2.bias", "F32", "[1]", 64, 68)
                        + "}",
                68);

        assertFails(
                Problem.WRONG_DTYPE,
                () -> Safetensors.load(file, xor),
                "tensor '0.weight' (layer dense1): expected a float dtype [F16, BF16, F32, F64], found I64");
    }

    @Test
    void missingTensorIsRefused() throws Exception {
        Architecture xor = Specs.architecture("xor");
        write(
                "{" + tensor("0.weight", "F32", "[2,3]", 0, 24) + "," + tensor("0.bias", "F32", "[2]", 24, 32) + ","
                        + tensor("2.weight", "F32", "[1,2]", 32, 40) + "}",
                40);

        assertFails(
                Problem.MISSING_TENSOR,
                () -> Safetensors.load(file, xor),
                file + ": the tensors do not fit network XorNet (names: nn.Sequential names (0.weight, 0.bias,",
                "tensor '2.bias' (layer dense2): network [1], not in the file; did you mean '0.bias'?",
                "the file's tensors:\n  0.weight  F32  [2, 3]",
                "the network loading it:\nXorNet: 3 inputs, 11 parameters");
    }

    @Test
    void extraTensorIsRefused() throws Exception {
        Architecture xor = Specs.architecture("xor");
        write(
                "{" + tensor("0.weight", "F32", "[2,3]", 0, 24) + "," + tensor("0.bias", "F32", "[2]", 24, 32) + ","
                        + tensor("2.weight", "F32", "[1,2]", 32, 40) + "," + tensor("2.bias", "F32", "[1]", 40, 44)
                        + ","
                        + tensor("2.running_mean", "F32", "[1]", 44, 48) + "}",
                48);

        assertFails(
                Problem.UNEXPECTED_TENSOR,
                () -> Safetensors.load(file, xor),
                "tensor '2.running_mean': file F32 [1], not used by the network");
    }

    @Test
    void shapeThatDoesNotFitIsRefusedShowingBothArchitectures() throws Exception {
        Path saved = directory.resolve("iris.safetensors");
        Architecture iris = Specs.architecture("iris");
        Safetensors.save(saved, iris, new float[(int) iris.parameterCount()]);

        assertFails(
                Problem.SHAPE_MISMATCH,
                () -> Safetensors.load(saved, Specs.architecture("wide-iris")),
                "tensor '0.weight' (layer hidden1): file [8, 4] vs network [64, 4]",
                "tensor '2.weight' (layer hidden2): file [8, 8] vs network [8, 64]",
                "the file's tensors:\n  0.bias    F32  [8]\n  0.weight  F32  [8, 4]",
                "the network loading it:\nIrisNet: 4 inputs, 867 parameters");
    }

    @Test
    void differentNumberOfLinearLayersIsRefused() throws Exception {
        Path saved = directory.resolve("iris.safetensors");
        Architecture iris = Specs.architecture("iris");
        Safetensors.save(saved, iris, new float[(int) iris.parameterCount()]);

        assertFails(
                Problem.ARCHITECTURE_MISMATCH,
                () -> Safetensors.load(saved, Specs.architecture("blobs")),
                "the file has 3 Linear layers (weights [0.weight, 2.weight, 4.weight]), network BlobsNet has 4 dense"
                        + " layers [dense1, dense2, dense3, dense4]");
    }

    @Test
    void pyTorchNamesForAGraphSuggestAMapping() throws Exception {
        Path saved = directory.resolve("graph.safetensors");
        Architecture graph = Specs.architecture("iris-graph");
        float[] parameters = new float[(int) graph.parameterCount()];
        Safetensors.save(
                saved,
                graph,
                parameters,
                TensorMapping.modules(Map.of("left", "0", "right", "1", "species", "lefts")),
                Map.of());

        assertFails(
                Problem.MISSING_TENSOR,
                () -> Safetensors.load(saved, graph),
                "(names: layer names (<layer>.weight, <layer>.bias))",
                "the file names tensors the nn.Sequential way (0.weight, ...); name each layer's module with"
                        + " TensorMapping.modules(...)",
                "tensor 'left.weight' (layer left): network [8, 4], not in the file; did you mean 'lefts.weight'?",
                "tensor '0.weight': file F32 [8, 4], not used by the network");
    }
}
