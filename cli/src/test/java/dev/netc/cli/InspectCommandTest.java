package dev.netc.cli;

import static dev.netc.cli.NetcRun.netc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Safetensors;
import dev.netc.runtime.io.SavedTransform;
import dev.netc.runtime.io.TensorMapping;
import dev.netc.runtime.io.WeightFile;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code netc inspect} in-process on weight files the test writes from the Iris spec. */
class InspectCommandTest {

    private static final String IRIS = "src/test/resources/specs/iris.yaml";

    private static final String IRIS_TABLE =
            """
            network: IrisNet: 4 inputs, 139 parameters
              layer   kind   reads   size  activation  tensors
              dense1  dense  input      8  tanh        dense1.weight [8, 4], dense1.bias [8]
              dense2  dense  dense1     8  relu        dense2.weight [8, 8], dense2.bias [8]
              dense3  dense  dense2     3  softmax     dense3.weight [3, 8], dense3.bias [3]
            """;

    @TempDir
    Path directory;

    private Architecture iris;
    private float[] parameters;

    @BeforeEach
    void readIris() {
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork network = SpecCheck.read(IRIS, diagnostics).orElseThrow();
        iris = Architecture.of(network);
        parameters = new float[(int) iris.parameterCount()];
    }

    @Test
    void netcFileShowsArchitectureTensorsCountAndChecksums() throws Exception {
        Path file = directory.resolve("iris.netc");
        List<SavedTransform> preprocessing = List.of(new SavedTransform(
                "standardize",
                List.of(
                        new SavedTransform.Values("mean", new float[4]),
                        new SavedTransform.Values("scale", new float[4]))));
        WeightFile.of(iris, parameters, preprocessing)
                .withClasses(List.of("setosa", "versicolor", "virginica"))
                .save(file);

        NetcRun run = netc("inspect", file.toString());

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals("", run.err(), run::describe);
        assertEquals(
                "file: " + file + "\n"
                        + "format: netc weights, version 1.1\n"
                        + "checksums: ok (CRC32C of the header and of every section)\n"
                        + IRIS_TABLE
                        + """
                        tensors:
                          dense1.weight  F32  [8, 4]
                          dense1.bias    F32  [8]
                          dense2.weight  F32  [8, 8]
                          dense2.bias    F32  [8]
                          dense3.weight  F32  [3, 8]
                          dense3.bias    F32  [3]
                        parameters: 139
                        preprocessing: standardize(mean[4], scale[4])
                        classes: setosa, versicolor, virginica
                        """,
                run.out());
    }

    @Test
    void safetensorsFileShowsTensorsAndTheSequentialItHolds() throws Exception {
        Path file = directory.resolve("iris.safetensors");
        Safetensors.save(file, iris, parameters, TensorMapping.automatic(), Map.of("format", "pt"));

        NetcRun run = netc("inspect", file.toString());

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(
                "file: " + file + "\n"
                        + """
                        format: safetensors, header of 416 bytes
                        checksums: none (safetensors has no checksum); header, types and offsets are valid
                        metadata: format=pt
                        network: nn.Sequential of 3 Linear layers, 4 -> 8 -> 8 -> 3
                        tensors:
                          0.bias    F32  [8]
                          0.weight  F32  [8, 4]
                          2.bias    F32  [8]
                          2.weight  F32  [8, 8]
                          4.bias    F32  [3]
                          4.weight  F32  [3, 8]
                        parameters: 139 in 6 tensors
                        """,
                run.out());
    }

    @Test
    void otherNamingIsShownAsNotASequential() throws Exception {
        Path file = directory.resolve("named.safetensors");
        Safetensors.save(file, iris, parameters, TensorMapping.layerNames(), Map.of());

        NetcRun run = netc("inspect", file.toString());

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(
                run.out().contains("\nnetwork: not an nn.Sequential of Linear layers: load it with a TensorMapping\n"),
                run::describe);
        assertTrue(run.out().contains("\nmetadata: none\n"), run::describe);
    }

    @Test
    void damagedFileIsAnErrorNamingTheSection() throws Exception {
        Path file = directory.resolve("iris.netc");
        WeightFile.of(iris, parameters, List.of()).save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x10;
        Files.write(file, bytes);

        NetcRun run = netc("inspect", file.toString());

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals("", run.out(), run::describe);
        assertEquals(1, run.errLines().size(), run::describe);
        assertTrue(
                run.err().startsWith(file + ": section 'parameters': checksum mismatch: stored CRC32C "),
                run::describe);
        assertTrue(run.err().strip().endsWith("[weights:checksum-mismatch]"), run::describe);
    }

    @Test
    void missingFileAndForeignFileAreErrorsAndTheOthersAreStillShown() throws Exception {
        Path good = directory.resolve("iris.netc");
        WeightFile.of(iris, parameters, List.of()).save(good);
        String missing = directory.resolve("missing.netc").toString();

        NetcRun run = netc("inspect", missing, IRIS, good.toString());

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(
                List.of(
                        missing + ": cannot read: no such file or directory [weights:io-error]",
                        IRIS + ": neither a netc weight file (which starts with 89 4E 45 54 43 0D 0A 1A) nor a"
                                + " safetensors file (an 8-byte length, then '{'); found 23 20 56 61 6C 69 64 3A 20"
                                + " [weights:not-a-weight-file]"),
                run.errLines(),
                run::describe);
        assertTrue(run.out().startsWith("file: " + good + "\n"), run::describe);
    }

    @Test
    void damagedSafetensorsHeaderIsAnErrorNamingTheRule() throws Exception {
        Path file = directory.resolve("broken.safetensors");
        Files.write(file, new byte[] {0, 0, 0, 0, 0, 0, 0, 0x10, '{', '}'});

        NetcRun run = netc("inspect", file.toString());

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals(
                List.of(file + ": header length 1152921504606846976 exceeds the limit of 100000000 bytes"
                        + " (safetensors: HeaderTooLarge) [weights:header-too-large]"),
                run.errLines(),
                run::describe);
    }

    @Test
    void noFileIsAUsageError() {
        NetcRun run = netc("inspect");

        assertEquals(2, run.exitCode(), run::describe);
        assertEquals("Missing required parameter: 'FILE'", run.errLines().get(0), run::describe);
    }
}
