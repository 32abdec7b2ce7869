package dev.netc.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netc.check.SpecValidator;
import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Safetensors;
import dev.netc.runtime.io.WeightFileException;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the safetensors reader: {@link #read} checks the header of any bytes, {@link #load} also binds the tensors to
 * a network (Iris, 4-8-8-3, the shape of the PyTorch fixture among the seeds) and reads their data. The only outcomes
 * allowed are success, or a {@link WeightFileException} naming the file.
 */
class SafetensorsFuzzTest {

    @Test
    void acceptsItsValidSeeds() throws WeightFileException {
        Path pytorch = input.holding(Seeds.of(getClass(), "load", "pytorch-iris-sequential.safetensors"));
        assertEquals(IRIS.parameterCount(), Safetensors.load(pytorch, IRIS).length);
        Path netc = input.holding(Seeds.of(getClass(), "read", "residual.safetensors"));
        assertEquals(5, Safetensors.read(netc).names().size());
    }

    private static final Architecture IRIS = architecture(
            """
            network: IrisNet
            package: dev.netc.fuzz
            input: 4
            layers:
              - {name: hidden1, dense: 8, activation: tanh}
              - {name: hidden2, dense: 8, activation: relu}
              - {name: species, dense: 3, activation: softmax}
            loss: categorical_crossentropy
            """);

    private final FuzzFile input = FuzzFile.named("fuzz.safetensors");

    @FuzzTest(maxDuration = "5m")
    void read(byte[] content) {
        long start = System.nanoTime();
        Path file = input.holding(content);
        try {
            Safetensors.read(file);
        } catch (WeightFileException refused) {
            Outcomes.assertNamesFile(refused, file);
        }
        Outcomes.assertQuick(start);
    }

    @FuzzTest(maxDuration = "5m")
    void load(byte[] content) {
        long start = System.nanoTime();
        Path file = input.holding(content);
        try {
            assertEquals(IRIS.parameterCount(), Safetensors.load(file, IRIS).length);
        } catch (WeightFileException refused) {
            Outcomes.assertNamesFile(refused, file);
        }
        Outcomes.assertQuick(start);
    }

    private static Architecture architecture(String spec) {
        Diagnostics diagnostics = new Diagnostics();
        return YamlSpecReader.read(spec.getBytes(StandardCharsets.UTF_8), "iris.yaml", diagnostics)
                .flatMap(read -> SpecValidator.validate(read, diagnostics))
                .map(Architecture::of)
                .orElseThrow(() -> new IllegalStateException(diagnostics.toString()));
    }
}
