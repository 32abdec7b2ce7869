package dev.netc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.benchmarks.HandWrittenNetwork.Hidden;
import dev.netc.runtime.TrainableNetwork;
import org.junit.jupiter.api.Test;

/**
 * The ONNX Runtime peer computes what the generated classes compute: the models {@link OnnxModelWriter} writes, run
 * by ONNX Runtime, give the generated {@code predict}'s probabilities from the same parameters, call after call.
 * Otherwise the inference workloads would time different networks.
 */
class OnnxRuntimeNetworkTest {

    @Test
    void irisProbabilitiesMatchTheGeneratedClass() throws Exception {
        TrainableNetwork generated = Workloads.irisNet();
        float[] p = generated.initialParameters(Workloads.PARAMETER_SEED);
        try (OnnxRuntimeNetwork onnx = Workloads.onnxIris(p, 1)) {
            for (int s = 0; s < 16; s++) {
                float[] x = Workloads.uniform(100L + s, generated.inputSize(), -2, 2);
                float[] expected = new float[generated.outputSize()];
                float[] actual = new float[generated.outputSize()];
                generated.predict(p, x, expected);
                onnx.predict(x, actual);
                assertClose(expected, actual, 1);
            }
        }
    }

    @Test
    void digitsBatchProbabilitiesMatchTheGeneratedClass() throws Exception {
        TrainableNetwork generated = Workloads.digitsNet();
        float[] p = generated.initialParameters(Workloads.PARAMETER_SEED);
        int batch = 5;
        try (OnnxRuntimeNetwork onnx = Workloads.onnxDigits(p, batch, 2)) {
            for (int round = 0; round < 3; round++) {
                float[] x = Workloads.uniform(3_000L + round, batch * generated.inputSize(), 0, 1);
                float[] expected = new float[batch * generated.outputSize()];
                float[] actual = new float[batch * generated.outputSize()];
                generated.predictBatch(p, x, batch, expected);
                onnx.predict(x, actual);
                assertClose(expected, actual, batch);
            }
        }
    }

    @Test
    void writerRejectsParametersOfAnotherNetwork() {
        float[] tooMany = new float[139 + 1];
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> OnnxModelWriter.denseNetwork(
                        Workloads.IRIS_INPUTS, Workloads.IRIS_UNITS, new Hidden[] {Hidden.TANH, Hidden.RELU}, tooMany));
        assertEquals("expected 139 parameters for these layers, found 140", e.getMessage());
    }

    /** Probabilities agree to 1e-5 absolute, and ONNX Runtime's {@code rows} rows sum to 1 each. */
    private static void assertClose(float[] expected, float[] actual, int rows) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "probability " + i);
        }
        float sum = 0;
        for (float probability : actual) {
            sum += probability;
        }
        assertEquals(rows, sum, 1e-5 * rows, "sum of the probabilities");
    }
}
