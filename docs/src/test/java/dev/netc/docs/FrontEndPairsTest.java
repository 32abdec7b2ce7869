package dev.netc.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.runtime.SeededRandom;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and concepts.md each show one network twice, as a YAML spec and as an annotated interface, and say it
 * is the same network. Here each spec passes netc's reader and validator, each form compiles with the processor
 * (strictly), and the two generated classes compute the same thing: the same sizes, the same initial parameters
 * from a seed, the same outputs, and the same loss and gradient on a batch.
 */
class FrontEndPairsTest {

    /** Samples in the batch the two classes are compared on. */
    private static final int SAMPLES = 16;

    @TempDir
    Path work;

    @Test
    void theReadmesInterfaceAndSpecAreOneNetwork() throws IOException {
        assertOneNetwork("README.md", "readme");
    }

    @Test
    void conceptsInterfaceAndSpecAreOneNetwork() throws IOException {
        assertOneNetwork("docs/concepts.md", "concepts");
    }

    private void assertOneNetwork(String pageName, String folder) throws IOException {
        Map<String, CheckedBlock> files = CheckedPage.read(pageName).files(folder);
        List<String> specs = named(files, ".yaml");
        List<String> sources = named(files, ".java");
        assertEquals(1, specs.size(), pageName + ": specs under " + folder + "/: " + files.keySet());
        assertEquals(1, sources.size(), pageName + ": Java sources under " + folder + "/: " + files.keySet());

        CheckedNetwork checked = Specs.check(files.get(specs.get(0)));
        Path specDirectory = work.resolve("specs");
        write(specDirectory, specs.get(0), files);
        Path source = write(work.resolve("sources"), sources.get(0), files);
        NetcJavac.compileSpecs(specDirectory, work.resolve("from-spec"));
        NetcJavac.compileSources(List.of(source), work.resolve("from-interface"));

        String name = checked.spec().qualifiedName();
        try (CompiledClasses fromSpec = CompiledClasses.in(work.resolve("from-spec"));
                CompiledClasses fromInterface = CompiledClasses.in(work.resolve("from-interface"))) {
            assertSameComputation(fromSpec.network(name), fromInterface.network(name), checked);
        }
    }

    /** Sizes, initial parameters, outputs, loss and gradient agree bit for bit. */
    private static void assertSameComputation(
            TrainableNetwork spec, TrainableNetwork annotated, CheckedNetwork checked) {
        assertEquals(checked.inputSize(), annotated.inputSize(), "input size");
        assertEquals(checked.outputSize(), annotated.outputSize(), "output size");
        assertEquals(checked.layout().count(), annotated.parameterCount(), "parameter count");
        assertEquals(spec.parameterCount(), annotated.parameterCount(), "parameter count");

        float[] parameters = spec.initialParameters(7L);
        assertArrayEquals(parameters, annotated.initialParameters(7L), "initial parameters from one seed");

        SeededRandom random = new SeededRandom(11L);
        float[] inputs = new float[SAMPLES * spec.inputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextGaussian();
        }
        float[] targets = new float[SAMPLES * spec.outputSize()];
        for (int s = 0; s < SAMPLES; s++) {
            targets[s * spec.outputSize() + s % spec.outputSize()] = 1f;
        }
        float[] outputs = new float[SAMPLES * spec.outputSize()];
        float[] annotatedOutputs = new float[outputs.length];
        spec.predictBatch(parameters, inputs, SAMPLES, outputs);
        annotated.predictBatch(parameters, inputs, SAMPLES, annotatedOutputs);
        assertArrayEquals(outputs, annotatedOutputs, "outputs of " + SAMPLES + " samples");

        float[] gradient = new float[parameters.length];
        float[] annotatedGradient = new float[parameters.length];
        assertEquals(
                spec.lossAndGradient(parameters, inputs, targets, SAMPLES, gradient),
                annotated.lossAndGradient(parameters, inputs, targets, SAMPLES, annotatedGradient),
                "loss");
        assertArrayEquals(gradient, annotatedGradient, "gradient");
    }

    private static List<String> named(Map<String, CheckedBlock> files, String suffix) {
        return files.keySet().stream().filter(name -> name.endsWith(suffix)).toList();
    }

    /** Writes the block {@code name} into {@code directory}, under its name; returns the file. */
    private static Path write(Path directory, String name, Map<String, CheckedBlock> files) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, files.get(name).text(), StandardCharsets.UTF_8);
        return file;
    }
}
