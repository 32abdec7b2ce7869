package dev.netc.samples.yamlonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.samples.iris.IrisNet;
import dev.netc.samples.xor.XorNet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Uses the classes the build generated from src/main/netc/xor.yaml and iris.yaml, as an application would: fresh
 * parameters from a seed, prediction one sample and a batch at a time, and training steps that lower the loss.
 */
class GeneratedNetworksTest {

    /** XOR with the product feature of the first write-up: x, y, x*y. */
    private static final float[] XOR_INPUTS = {0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1};

    private static final float[] XOR_TARGETS = {0, 1, 1, 0};

    @Test
    void shapesComeFromTheSpecs() {
        assertEquals(3, XorNet.INPUT_SIZE);
        assertEquals(1, XorNet.OUTPUT_SIZE);
        assertEquals(3 * 2 + 2 + 2 * 1 + 1, XorNet.PARAMETER_COUNT);
        assertEquals(4, IrisNet.INPUT_SIZE);
        assertEquals(3, IrisNet.OUTPUT_SIZE);
        assertEquals(4 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3, IrisNet.PARAMETER_COUNT);

        TrainableNetwork iris = new IrisNet();
        assertEquals(IrisNet.PARAMETER_COUNT, iris.parameterCount());
        assertEquals(IrisNet.PARAMETER_COUNT, iris.initialParameters(1L).length);
    }

    @Test
    void sameSeedGivesTheSameParameters() {
        TrainableNetwork iris = new IrisNet();

        float[] first = iris.initialParameters(42L);

        assertTrue(Arrays.equals(first, iris.initialParameters(42L)));
        assertFalse(Arrays.equals(first, iris.initialParameters(43L)));
    }

    @Test
    void irisPredictsAProbabilityPerSpeciesForEverySampleOfABatch() {
        TrainableNetwork iris = new IrisNet();
        float[] parameters = iris.initialParameters(7L);
        float[] batch = {5.1f, 3.5f, 1.4f, 0.2f, 6.4f, 3.2f, 4.5f, 1.5f, 6.3f, 3.3f, 6.0f, 2.5f};
        int count = batch.length / IrisNet.INPUT_SIZE;
        float[] outputs = new float[count * IrisNet.OUTPUT_SIZE];

        iris.predictBatch(parameters, batch, count, outputs);

        for (int sample = 0; sample < count; sample++) {
            float sum = 0;
            for (int species = 0; species < IrisNet.OUTPUT_SIZE; species++) {
                float probability = outputs[sample * IrisNet.OUTPUT_SIZE + species];
                assertTrue(probability > 0 && probability < 1, "probability " + probability);
                sum += probability;
            }
            assertEquals(1f, sum, 1e-5f, "sample " + sample);
        }
        float[] single = new float[IrisNet.OUTPUT_SIZE];
        iris.predict(parameters, Arrays.copyOfRange(batch, 4, 8), single);
        assertTrue(Arrays.equals(Arrays.copyOfRange(outputs, 3, 6), single));
    }

    @Test
    void irisLossAndGradientAreFinite() {
        TrainableNetwork iris = new IrisNet();
        float[] parameters = iris.initialParameters(7L);
        float[] batch = {5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f};
        float[] oneHot = {1, 0, 0, 0, 0, 1};
        float[] gradient = new float[IrisNet.PARAMETER_COUNT];

        float loss = iris.lossAndGradient(parameters, batch, oneHot, 2, gradient);

        assertTrue(Float.isFinite(loss) && loss > 0, "loss " + loss);
        double norm = 0;
        for (float g : gradient) {
            assertTrue(Float.isFinite(g));
            norm += g * g;
        }
        assertTrue(norm > 0, "the gradient is zero");
    }

    @Test
    void stochasticGradientDescentOnXorLowersTheLoss() {
        TrainableNetwork xor = new XorNet();
        float[] parameters = xor.initialParameters(3L);
        float[] gradient = new float[XorNet.PARAMETER_COUNT];
        float first = xor.lossAndGradient(parameters, XOR_INPUTS, XOR_TARGETS, 4, gradient);

        float loss = first;
        for (int step = 0; step < 500; step++) {
            loss = xor.lossAndGradient(parameters, XOR_INPUTS, XOR_TARGETS, 4, gradient);
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] -= 0.5f * gradient[i];
            }
        }

        assertTrue(Float.isFinite(loss));
        assertTrue(loss < 0.5f * first, "loss went from " + first + " to " + loss);
    }
}
