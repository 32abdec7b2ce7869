package dev.netc.samples.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.runtime.data.CsvDataset;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.io.WeightFileException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class netc generated from the YAML spec, given the weights PyTorch saved, computes PyTorch's outputs for all
 * 150 Iris rows (see {@code pytorch/README.md} for where both files come from).
 */
class PyTorchAgreementTest {

    /** PyTorch and the generated class both compute in float32, in different orders. */
    private static final double TOLERANCE = 1e-5;

    private static final Path WEIGHTS = Path.of("pytorch/iris_sequential.safetensors");

    private static final Path OUTPUTS = Path.of("pytorch/iris_sequential.json");

    @TempDir
    Path directory;

    @Test
    void everyOutputIsPyTorchs() throws Exception {
        JsonNode pytorch = new ObjectMapper().readTree(OUTPUTS.toFile());
        JsonNode input = pytorch.get("input");
        JsonNode expected = pytorch.get("output");
        float[] rows = new float[input.size() * IrisNet.INPUT_SIZE];
        for (int row = 0; row < input.size(); row++) {
            for (int i = 0; i < IrisNet.INPUT_SIZE; i++) {
                rows[row * IrisNet.INPUT_SIZE + i] =
                        (float) input.get(row).get(i).asDouble();
            }
        }

        float[] outputs = PyTorchIris.predict(PyTorchIris.load(WEIGHTS), rows, input.size());

        int compared = 0;
        for (int row = 0; row < expected.size(); row++) {
            for (int o = 0; o < IrisNet.OUTPUT_SIZE; o++) {
                double want = expected.get(row).get(o).asDouble();
                float got = outputs[row * IrisNet.OUTPUT_SIZE + o];
                int r = row;
                int c = o;
                assertTrue(
                        Math.abs(want - got) <= TOLERANCE,
                        () -> String.format(Locale.ROOT, "row %d output %d: PyTorch %.9g, netc %.9g", r, c, want, got));
                compared++;
            }
        }
        assertEquals(150 * 3, compared, "values compared");
    }

    @Test
    void pyTorchsInputsAreTheRowsOfTheDataFile() throws Exception {
        JsonNode input = new ObjectMapper().readTree(OUTPUTS.toFile()).get("input");
        Dataset iris = CsvDataset.builder().classColumn("species").build().read(Path.of("../../data/iris/iris.csv"));

        assertEquals(iris.size(), input.size(), "rows");
        for (int row = 0; row < iris.size(); row++) {
            for (int i = 0; i < IrisNet.INPUT_SIZE; i++) {
                assertEquals(iris.feature(row, i), (float) input.get(row).get(i).asDouble(), "row " + row);
            }
        }
    }

    @Test
    void printsOneLinePerFlower() throws Exception {
        Dataset iris = CsvDataset.builder()
                .classColumn("species")
                .classes(PyTorchIris.CLASSES)
                .build()
                .read(Path.of("../../data/iris/iris.csv"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        PyTorchIris.print(
                iris,
                PyTorchIris.predict(PyTorchIris.load(WEIGHTS), iris.features(), iris.size()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(151, lines.size(), "a header and 150 rows");
        assertTrue(lines.get(1).matches(" +1  0\\.\\d{6} +0\\.\\d{6} +0\\.\\d{6} +\\w+ +setosa"), lines.get(1));
        assertTrue(lines.get(150).endsWith("virginica"), lines.get(150));
    }

    @Test
    void aFileWithoutTheFirstLayersWeightIsRefused() throws Exception {
        Path wrong = directory.resolve("wrong.safetensors");
        byte[] original = Files.readAllBytes(WEIGHTS);
        String header = new String(original, 8, 400, StandardCharsets.US_ASCII);
        assertTrue(header.contains("\"0.weight\""), header);
        Files.write(
                wrong,
                new String(original, StandardCharsets.ISO_8859_1)
                        .replace("\"0.weight\"", "\"0.weigh_\"")
                        .getBytes(StandardCharsets.ISO_8859_1));

        WeightFileException e = assertThrows(WeightFileException.class, () -> PyTorchIris.load(wrong));

        assertTrue(e.getMessage().contains("the file has 2 Linear layers"), e.getMessage());
        assertTrue(e.getMessage().endsWith("[weights:architecture-mismatch]"), e.getMessage());
    }
}
