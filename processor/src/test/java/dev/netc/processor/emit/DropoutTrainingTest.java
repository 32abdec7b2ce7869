package dev.netc.processor.emit;

import static dev.netc.processor.emit.GeneratedNetworks.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.reference.ReferenceNetwork;
import dev.netc.spec.CheckedNetwork;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dropout in a generated class's training step, beyond the agreement with the reference on small batches ({@link
 * GeneratedCodeAgreementTest}): a batch of several blocks draws each sample's masks by its index in the call, the seed
 * decides the masks and nothing else does, and prediction never drops anything.
 */
class DropoutTrainingTest {

    /** Three blocks of {@code BLOCK_ROWS} and a part: masks must follow the sample's index in the call. */
    private static final int COUNT = 2 * EmitOptions.BLOCK_ROWS + 22;

    private static final String SPEC =
            """
            network: DropoutTrainingNet
            package: dev.netc.generated
            input: 12
            layers:
              - {dense: 40, activation: relu, name: hidden, dropout: 0.5}
              - {dense: 30, activation: tanh, name: second, dropout: 0.2}
              - {dense: 3, activation: softmax, name: out}
            loss: categorical_crossentropy
            """;

    private static CheckedNetwork network;
    private static TrainableNetwork generated;
    private static float[] parameters;
    private static float[] inputs;
    private static float[] targets;

    @BeforeAll
    static void generateAndCompile() {
        network = GeneratedNetworks.checked(SPEC);
        ClassLoader loader = GeneratedNetworks.load(GeneratedNetworks.compile(
                List.of(NetworkClassEmitter.emit(network, EmitOptions.of("test").withUnrollLimit(0)))));
        generated = GeneratedNetworks.instance(loader, network.spec().qualifiedName());
        Random random = new Random(91L);
        parameters = generated.initialParameters(5L);
        inputs = new float[COUNT * network.inputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextGaussian();
        }
        targets = new float[COUNT * network.outputSize()];
        for (int s = 0; s < COUNT; s++) {
            targets[s * network.outputSize() + random.nextInt(network.outputSize())] = 1f;
        }
    }

    @Test
    void aBatchOfSeveralBlocksAgreesWithTheReference() {
        long seed = 1234L;
        float[] gradient = new float[parameters.length];
        float loss = generated.lossAndGradient(parameters, inputs, targets, COUNT, gradient, seed);
        ReferenceNetwork reference = new ReferenceNetwork(network, parameters);
        double[][] batch = rows(inputs, network.inputSize());
        double[][] targetRows = rows(targets, network.outputSize());
        assertEquals(reference.loss(batch, targetRows, seed), loss, 1e-5 * Math.abs(loss));
        double[] expected = reference.backward(batch, targetRows, seed);
        double largest = 0;
        for (double g : expected) {
            largest = Math.max(largest, Math.abs(g));
        }
        for (int i = 0; i < gradient.length; i++) {
            assertEquals(
                    expected[i], gradient[i], 1e-4 * Math.max(Math.abs(expected[i]), 1e-2 * largest), "[" + i + "]");
        }
    }

    @Test
    void theSeedAloneDecidesTheMasks() {
        float[] first = new float[parameters.length];
        float[] again = new float[parameters.length];
        float[] other = new float[parameters.length];
        float loss = generated.lossAndGradient(parameters, inputs, targets, COUNT, first, 7L);
        assertEquals(loss, generated.lossAndGradient(parameters, inputs, targets, COUNT, again, 7L));
        assertArrayEquals(first, again, "the same seed, the same bits");
        float otherLoss = generated.lossAndGradient(parameters, inputs, targets, COUNT, other, 8L);
        assertNotEquals(loss, otherLoss, "another seed, other masks");
        float[] without = new float[parameters.length];
        float inference = generated.lossAndGradient(parameters, inputs, targets, COUNT, without);
        assertNotEquals(loss, inference, "the method without a seed applies no dropout");
        assertEquals(
                new ReferenceNetwork(network, parameters)
                        .loss(rows(inputs, network.inputSize()), rows(targets, network.outputSize())),
                inference,
                1e-5 * Math.abs(inference));
    }

    @Test
    void predictionAppliesNoDropoutAfterTraining() {
        float[] before = new float[COUNT * network.outputSize()];
        generated.predictBatch(parameters, inputs, COUNT, before);
        generated.lossAndGradient(parameters, inputs, targets, COUNT, new float[parameters.length], 3L);
        float[] after = new float[COUNT * network.outputSize()];
        generated.predictBatch(parameters, inputs, COUNT, after);
        assertArrayEquals(before, after, "a training call leaves prediction as it was");
        double[][] expected = new ReferenceNetwork(network, parameters).forward(rows(inputs, network.inputSize()));
        for (int s = 0; s < COUNT; s++) {
            for (int o = 0; o < network.outputSize(); o++) {
                assertEquals(expected[s][o], after[s * network.outputSize() + o], 1e-5, "output " + s + "," + o);
            }
        }
        float[] one = new float[network.outputSize()];
        generated.predict(parameters, Arrays.copyOf(inputs, network.inputSize()), one);
        assertArrayEquals(Arrays.copyOf(after, network.outputSize()), one, "predict gives predictBatch's bits");
    }
}
