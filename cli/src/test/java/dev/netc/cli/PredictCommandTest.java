package dev.netc.cli;

import static dev.netc.cli.NetcRun.netc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.reference.ReferenceNetwork;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netc predict}: the saved preprocessing applied, outputs equal to the reference implementation's. */
class PredictCommandTest {

    private static final String IRIS_SPEC = "src/test/resources/specs/iris.yaml";

    @TempDir
    Path dir;

    private String weights;

    @BeforeEach
    void train() {
        weights = dir.resolve("iris.netc").toString();
        NetcRun run = netc(
                "train",
                IRIS_SPEC,
                "--data",
                "../data/iris/iris.csv",
                "--epochs",
                "5",
                "--standardize",
                "--quiet",
                "--out",
                weights);
        assertEquals(0, run.exitCode(), run.describe());
    }

    @Test
    void eachRowGetsTheReferenceOutputsAfterTheSavedStandardisation() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), "5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n");

        NetcRun run = netc("predict", IRIS_SPEC, "--weights", weights, "--input", input.toString());

        assertEquals(0, run.exitCode(), run.describe());
        List<String> lines = run.outLines();
        assertEquals("setosa,versicolor,virginica", lines.get(0));
        assertEquals(3, lines.size(), run.describe());
        double[][] expected = reference(new double[][] {{5.1, 3.5, 1.4, 0.2}, {6.7, 3.0, 5.2, 2.3}});
        for (int row = 0; row < 2; row++) {
            String[] fields = lines.get(row + 1).split(",");
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[row][i], Double.parseDouble(fields[i]), 1e-5, "row " + row + " output " + i);
            }
        }
    }

    @Test
    void aHeaderLineIsRecognisedAndSkipped() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), "a,b,c,d\n5.1,3.5,1.4,0.2\n");

        NetcRun run = netc("predict", IRIS_SPEC, "--weights", weights, "--input", input.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(2, run.outLines().size(), run.describe());
    }

    @Test
    void theWrongNumberOfColumnsIsAnErrorNamingTheFile() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), "5.1,3.5,1.4\n");

        NetcRun run = netc("predict", IRIS_SPEC, "--weights", weights, "--input", input.toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("netc predict: " + input), run.describe());
        assertTrue(run.err().contains("expected 4 feature columns"), run.describe());
        assertFalse(run.err().contains("\tat "), run.describe());
    }

    @Test
    void aCorruptWeightFileIsAnErrorNamingIt() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(weights));
        bytes[bytes.length / 2] ^= 0x40;
        Path corrupt = Files.write(dir.resolve("corrupt.netc"), bytes);
        Path input = Files.writeString(dir.resolve("in.csv"), "5.1,3.5,1.4,0.2\n");

        NetcRun run = netc("predict", IRIS_SPEC, "--weights", corrupt.toString(), "--input", input.toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains(corrupt.toString()), run.describe());
        assertFalse(run.err().contains("\tat "), run.describe());
    }

    @Test
    void pyTorchWeightsFromSafetensorsGivePyTorchsOutputsThroughTheGeneratedClass() throws IOException {
        JsonNode fixture = new ObjectMapper()
                .readTree(Path.of("src/test/resources/fixtures/iris_sequential.json")
                        .toFile());
        StringBuilder csv = new StringBuilder();
        for (JsonNode row : fixture.get("input")) {
            for (int i = 0; i < row.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(row.get(i).asDouble());
            }
            csv.append('\n');
        }
        Path input = Files.writeString(dir.resolve("iris-inputs.csv"), csv);

        NetcRun run = netc(
                "predict", "../samples/specs/iris.yaml",
                "--weights", "src/test/resources/fixtures/iris_sequential.safetensors",
                "--input", input.toString());

        assertEquals(0, run.exitCode(), run.describe());
        List<String> lines = run.outLines();
        JsonNode expected = fixture.get("output");
        assertEquals(150, expected.size());
        assertEquals(expected.size() + 1, lines.size(), "a header and one row per input");
        int compared = 0;
        for (int row = 0; row < expected.size(); row++) {
            String[] fields = lines.get(row + 1).split(",");
            for (int i = 0; i < 3; i++) {
                double torch = expected.get(row).get(i).asDouble();
                assertEquals(torch, Double.parseDouble(fields[i]), 1e-5, "row " + row + " output " + i);
                compared++;
            }
        }
        assertEquals(450, compared);
    }

    /** The reference implementation's outputs for raw rows, standardised as the weight file says. */
    private double[][] reference(double[][] rows) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork iris = SpecCheck.read(IRIS_SPEC, diagnostics).orElseThrow();
        WeightFile file = WeightFile.read(Path.of(weights));
        float[] parameters = file.parametersFor(Architecture.of(iris));
        var standardizer = Preprocessing.restore(file.preprocessing()).get(0);
        float[] values = new float[rows.length * 4];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 4; c++) {
                values[r * 4 + c] = (float) rows[r][c];
            }
        }
        standardizer.applyInPlace(values, values.length);
        double[][] standardised = new double[rows.length][4];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 4; c++) {
                standardised[r][c] = values[r * 4 + c];
            }
        }
        return new ReferenceNetwork(iris, parameters).forward(standardised);
    }
}
