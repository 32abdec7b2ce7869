package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code predict} of a network whose dense layers are all unrolled is direct: one sample in locals, no workspace. It
 * must give the bits that {@code predictBatch} gives for the same sample (both run the same sums in the same order),
 * for sequential and graph networks, and allocate nothing. Networks with a looped layer, or too large for one method,
 * predict through a block of one sample instead, and allocate nothing either once their thread's workspace exists.
 */
class DirectPredictTest {

    private static final CheckedNetwork IRIS = GeneratedNetworks.checked(
            """
            network: DirectIris
            package: dev.netc.generated
            input: [sepal_length, sepal_width, petal_length, petal_width]
            layers:
              - {dense: 8, activation: tanh}
              - {dense: 8, activation: relu}
              - {dense: 3, activation: softmax}
            loss: categorical_crossentropy
            """);

    private static final CheckedNetwork GRAPH = GeneratedNetworks.checked(
            """
            network: DirectGraph
            package: dev.netc.generated
            input: 3
            layers:
              - {dense: 4, activation: gelu, name: left}
              - {dense: 4, activation: elu, name: right, inputs: input}
              - {add: [left, right], name: sum}
              - {concat: [input, sum, right], name: both}
              - {dense: 2, activation: leaky_relu, name: out, inputs: both, use_bias: false}
            loss: mean_absolute_error
            """);

    /** Above the unroll limit: a block of one sample. */
    private static final CheckedNetwork LOOPED = GeneratedNetworks.checked(
            """
            network: BlockIris
            package: dev.netc.generated
            input: 4
            layers:
              - {dense: 64, activation: tanh}
              - {dense: 3, activation: softmax}
            loss: categorical_crossentropy
            """);

    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        List<JavaFile> files = new ArrayList<>();
        for (CheckedNetwork network : List.of(IRIS, GRAPH, LOOPED)) {
            files.add(NetworkClassEmitter.emit(network, EmitOptions.of("test")));
        }
        loader = GeneratedNetworks.load(GeneratedNetworks.compile(files));
    }

    @Test
    void onlyNetworksWhoseDenseLayersAreAllUnrolledAndThatFitPredictDirectly() {
        assertTrue(DirectPredictEmitter.applies(plan(IRIS, EmitOptions.DEFAULT_UNROLL_LIMIT)));
        assertTrue(DirectPredictEmitter.applies(plan(GRAPH, EmitOptions.DEFAULT_UNROLL_LIMIT)));
        assertFalse(DirectPredictEmitter.applies(plan(LOOPED, EmitOptions.DEFAULT_UNROLL_LIMIT)));
        assertFalse(DirectPredictEmitter.applies(plan(IRIS, 0)), "every layer looped");

        CheckedNetwork large = GeneratedNetworks.checked(
                """
                network: TooLargeForOneMethod
                package: dev.netc.generated
                input: 15
                layers:
                  - {dense: 15, activation: relu}
                  - {dense: 15, activation: relu}
                  - {dense: 15, activation: relu}
                loss: mean_squared_error
                """);
        EmitPlan plan = plan(large, EmitOptions.DEFAULT_UNROLL_LIMIT);
        assertTrue(plan.everyDenseLayerUnrolled());
        assertTrue(DirectPredictEmitter.bytecodeBound(plan) > DirectPredictEmitter.BYTECODE_BUDGET);
        assertFalse(DirectPredictEmitter.applies(plan));
    }

    @Test
    void directPredictionGivesTheBitsOfBatchPrediction() {
        int compared = 0;
        for (CheckedNetwork network : List.of(IRIS, GRAPH, LOOPED)) {
            TrainableNetwork net =
                    GeneratedNetworks.instance(loader, network.spec().qualifiedName());
            float[] parameters = net.initialParameters(5L);
            Random random = new Random(6);
            int samples = EmitOptions.BLOCK_ROWS + 3;
            float[] inputs = new float[samples * net.inputSize()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = (float) (random.nextGaussian() * 2);
            }
            float[] batch = new float[samples * net.outputSize()];
            net.predictBatch(parameters, inputs, samples, batch);
            float[] one = new float[net.outputSize()];
            float[] single = new float[net.outputSize()];
            for (int s = 0; s < samples; s++) {
                float[] input = Arrays.copyOfRange(inputs, s * net.inputSize(), (s + 1) * net.inputSize());
                net.predict(parameters, input, one);
                net.predictBatch(parameters, input, 1, single);
                float[] row = Arrays.copyOfRange(batch, s * net.outputSize(), (s + 1) * net.outputSize());
                String where = network.spec().name() + " sample " + s;
                assertArrayBitsEqual(single, one, where + ": predict against a batch of one");
                if (network != LOOPED) {
                    assertArrayBitsEqual(row, one, where + ": predict against its row of a batch");
                }
                compared++;
            }
        }
        assertEquals(3 * (EmitOptions.BLOCK_ROWS + 3), compared, "samples compared");
    }

    @Test
    void warmedUpPredictionAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        threads.getCurrentThreadAllocatedBytes(); // its first read allocates
        for (CheckedNetwork network : List.of(IRIS, GRAPH, LOOPED)) {
            TrainableNetwork net =
                    GeneratedNetworks.instance(loader, network.spec().qualifiedName());
            float[] parameters = net.initialParameters(9L);
            float[] input = new float[net.inputSize()];
            Arrays.fill(input, 0.5f);
            float[] output = new float[net.outputSize()];
            Runnable calls = () -> {
                for (int call = 0; call < 10_000; call++) {
                    net.predict(parameters, input, output);
                }
            };
            List<Long> rounds = new ArrayList<>();
            for (int round = 0; round < 30 && !rounds.contains(0L); round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                calls.run();
                rounds.add(threads.getCurrentThreadAllocatedBytes() - before);
            }
            // once compiled, a round reads exactly 0; an allocation in predict shows in every round
            assertTrue(rounds.contains(0L), network.spec().name() + ": bytes allocated per 10,000 calls " + rounds);
        }
    }

    private static EmitPlan plan(CheckedNetwork network, int unrollLimit) {
        return EmitPlan.of(network, EmitOptions.of("test").withUnrollLimit(unrollLimit));
    }

    private static void assertArrayBitsEqual(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(
                    Float.floatToIntBits(expected[i]),
                    Float.floatToIntBits(actual[i]),
                    () -> what + ", element " + Arrays.toString(expected) + " vs " + Arrays.toString(actual));
        }
    }
}
