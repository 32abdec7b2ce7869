package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.TrainableNetwork;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated code of the largest networks reaches HotSpot's optimising compiler, C2 (RELIABILITY P3). A method over
 * 8,000 bytes of bytecode is never compiled ({@code NetworkClassFileTest} checks the sizes); this test checks the
 * outcome in a real JVM: a child JVM calls {@code predict}, {@code predictBatch} and {@code lossAndGradient} of two
 * classes, one whose every layer is unrolled at the largest unroll limit (the longest straight-line code) and one of
 * loops, with {@code -XX:+PrintCompilation}. Every method of the generated classes that the JVM found hot enough to
 * compile with profiling (tiers 2 and 3) must reach tier 4. Inlining into the generated classes' callers is turned
 * off, so each method is compiled on its own and shows up by name.
 */
class HotSpotCompilationTest {

    private static final String PACKAGE = "dev.netc.jit";
    private static final List<String> CLASSES = List.of(PACKAGE + ".Unrolled15", PACKAGE + ".Looped");

    /** Calls of each method in the child: well above the tier-4 thresholds (5,000 invocations). */
    private static final int CALLS = 12_000;

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** A line of {@code -XX:+PrintCompilation}: tier, class and method ({@code 4  dev.netc.jit.Looped::predict}). */
    private static final Pattern COMPILED =
            Pattern.compile("\\s([0-4])\\s+" + Pattern.quote(PACKAGE) + "\\.(\\w+)::([\\w$<>]+) ");

    @TempDir
    Path classes;

    @Test
    void everyHotMethodOfTheLargestUnrolledAndLoopedNetworksReachesC2() throws Exception {
        Map<String, byte[]> compiled = GeneratedNetworks.classFiles(GeneratedNetworks.compile(List.of(
                NetworkClassEmitter.emit(
                        GeneratedNetworks.checked(unrolled()),
                        EmitOptions.of("test").withUnrollLimit(EmitOptions.MAX_UNROLL_LIMIT)),
                NetworkClassEmitter.emit(GeneratedNetworks.checked(looped()), EmitOptions.of("test")))));
        for (Map.Entry<String, byte[]> file : compiled.entrySet()) {
            Path classFile = classes.resolve(file.getKey().replace('.', '/') + ".class");
            Files.createDirectories(classFile.getParent());
            Files.write(classFile, file.getValue());
        }

        Map<String, Integer> highestTier = highestTiers(runChild());

        List<String> notC2 = new ArrayList<>();
        for (Map.Entry<String, Integer> method : highestTier.entrySet()) {
            // tier 1 is final for trivial methods (constant getters); 2 and 3 are profiling for C2
            if (method.getValue() == 2 || method.getValue() == 3) {
                notC2.add(method.getKey() + " (tier " + method.getValue() + ")");
            }
        }
        assertEquals(List.of(), notC2, () -> "methods compiled with profiling that never reached C2: " + highestTier);
        for (String className : CLASSES) {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            for (String method : List.of("predict", "predictBatch", "lossAndGradient")) {
                String name = simple + "::" + method;
                assertEquals(4, highestTier.getOrDefault(name, -1), () -> name + " in " + highestTier);
            }
        }
        assertTrue(highestTier.size() >= 2 * 3, "methods seen: " + highestTier);
    }

    /** The child JVM's output: each generated class called {@value #CALLS} times per method. */
    private String runChild() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            command.addAll(List.of("--add-modules", VECTOR_MODULE));
        }
        command.addAll(List.of(
                "-Xbatch",
                "-XX:+PrintCompilation",
                "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=dontinline," + PACKAGE + ".*::*",
                "-cp",
                classes + File.pathSeparator + System.getProperty("java.class.path"),
                Caller.class.getName()));
        command.addAll(CLASSES);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM finished");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains(Caller.DONE), output);
        return output;
    }

    /** The highest tier each method of the generated classes was compiled at, by {@code Class::method}. */
    private static Map<String, Integer> highestTiers(String output) {
        Map<String, Integer> tiers = new TreeMap<>();
        for (String line : output.split("\n")) {
            Matcher compiled = COMPILED.matcher(line);
            if (compiled.find()) {
                tiers.merge(
                        compiled.group(2) + "::" + compiled.group(3), Integer.parseInt(compiled.group(1)), Math::max);
            }
        }
        return tiers;
    }

    /** Eight layers of 15 units: 240 weights and biases each, the largest that the largest unroll limit unrolls. */
    private static String unrolled() {
        StringBuilder spec = new StringBuilder("network: Unrolled15\npackage: " + PACKAGE + "\ninput: 15\nlayers:\n");
        for (int i = 0; i < 7; i++) {
            spec.append("  - {dense: 15, activation: gelu}\n");
        }
        return spec.append("  - {dense: 15, activation: softmax}\nloss: categorical_crossentropy\n")
                .toString();
    }

    /** Layers above the default unroll limit (256 weights), so that every one is a loop. */
    private static String looped() {
        return """
                network: Looped
                package: %s
                input: 32
                layers:
                  - {dense: 48, activation: relu}
                  - {dense: 24, activation: tanh}
                  - {dense: 16, activation: sigmoid}
                loss: mean_squared_error
                """
                .formatted(PACKAGE);
    }

    /** The child's program: calls each method of each class named on the command line {@value #CALLS} times. */
    public static final class Caller {

        static final String DONE = "calls done";

        private static final int BATCH = 4;

        private Caller() {}

        public static void main(String[] args) throws ReflectiveOperationException {
            for (String className : args) {
                TrainableNetwork network = (TrainableNetwork)
                        Class.forName(className).getConstructor().newInstance();
                float[] parameters = network.initialParameters(3);
                float[] inputs = new float[BATCH * network.inputSize()];
                for (int i = 0; i < inputs.length; i++) {
                    inputs[i] = (i % 7) * 0.25f - 0.75f;
                }
                float[] targets = new float[BATCH * network.outputSize()];
                for (int s = 0; s < BATCH; s++) {
                    targets[s * network.outputSize() + s % network.outputSize()] = 1;
                }
                float[] input = new float[network.inputSize()];
                float[] output = new float[network.outputSize()];
                float[] outputs = new float[BATCH * network.outputSize()];
                float[] gradient = new float[network.parameterCount()];
                double sink = 0;
                for (int call = 0; call < CALLS; call++) {
                    input[call % input.length] = inputs[call % inputs.length];
                    network.predict(parameters, input, output);
                    network.predictBatch(parameters, inputs, BATCH, outputs);
                    sink += output[0]
                            + outputs[0]
                            + network.lossAndGradient(parameters, inputs, targets, BATCH, gradient);
                }
                System.out.println(className + " " + sink);
            }
            System.out.println(DONE);
        }
    }
}
