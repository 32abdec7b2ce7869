package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.netc.runtime.reference.ReferenceNetwork;
import dev.netc.runtime.reference.TrainableReference;
import dev.netc.spec.CheckedNetwork;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reference implementation as a trainable network: its numbers, narrowed to float, and generated-style init. */
class TrainableReferenceTest {

    private static final CheckedNetwork NETWORK = TrainingData.checked(
            """
            network: Mixed
            package: dev.netc.test
            input: 3
            layers:
              - {dense: 4, activation: relu, init: he_normal}
              - {dense: 2, activation: softmax, init: zeros}
            loss: categorical_crossentropy
            """);

    @Test
    void lossGradientAndOutputsAreTheReferencesNarrowedToFloat() {
        TrainableReference network = new TrainableReference(NETWORK);
        float[] parameters = network.initialParameters(11);
        parameters[16] = 0.3f; // an output weight, so the output is not constant
        float[] inputs = {0.5f, -1f, 2f, 1f, 0.25f, -0.5f};
        float[] targets = {1, 0, 0, 1};
        ReferenceNetwork reference = new ReferenceNetwork(NETWORK, parameters);
        double[][] batch = {{0.5, -1, 2}, {1, 0.25, -0.5}};
        double[][] targetRows = {{1, 0}, {0, 1}};

        float[] gradient = new float[network.parameterCount()];
        float loss = network.lossAndGradient(parameters, inputs, targets, 2, gradient);
        float[] outputs = new float[4];
        network.predictBatch(parameters, inputs, 2, outputs);

        assertEquals((float) reference.loss(batch, targetRows), loss);
        double[] expected = reference.backward(batch, targetRows);
        for (int i = 0; i < expected.length; i++) {
            assertEquals((float) expected[i], gradient[i], "gradient " + i);
        }
        double[][] forward = reference.forward(batch);
        assertArrayEquals(
                new float[] {(float) forward[0][0], (float) forward[0][1], (float) forward[1][0], (float) forward[1][1]
                },
                outputs);
    }

    @Test
    void initialParametersFollowEachLayersInitFromTheSeed() {
        TrainableReference network = new TrainableReference(NETWORK);
        float[] parameters = network.initialParameters(11);

        assertEquals(3 * 4 + 4 + 4 * 2 + 2, parameters.length);
        assertArrayEquals(parameters, network.initialParameters(11));
        assertFalse(Arrays.equals(parameters, network.initialParameters(12)));
        for (int i = 12; i < parameters.length; i++) {
            assertEquals(0f, parameters[i], "bias or zeros-initialised weight " + i);
        }
        for (int i = 0; i < 12; i++) {
            assertFalse(parameters[i] == 0f, "he_normal weight " + i);
        }
    }
}
