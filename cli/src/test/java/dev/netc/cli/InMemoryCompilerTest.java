package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.reference.ReferenceNetwork;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class InMemoryCompilerTest {

    @Test
    void theLoadedClassComputesWhatTheReferenceComputes() {
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork iris = SpecCheck.read("src/test/resources/specs/iris.yaml", diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics));

        TrainableNetwork net = InMemoryCompiler.load(iris, "src/test/resources/specs/iris.yaml");

        assertEquals("com.example.iris.IrisNet", net.getClass().getName());
        assertEquals(4, net.inputSize());
        assertEquals(3, net.outputSize());
        float[] parameters = net.initialParameters(1L);
        assertEquals(iris.layout().count(), parameters.length);
        float[] input = {5.1f, 3.5f, 1.4f, 0.2f};
        float[] output = new float[3];
        net.predict(parameters, input, output);
        double[] expected = new ReferenceNetwork(iris, parameters).forward(new double[][] {{5.1, 3.5, 1.4, 0.2}})[0];
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], output[i], 1e-5, "output " + i);
        }
        float sum = output[0] + output[1] + output[2];
        assertTrue(Math.abs(sum - 1f) < 1e-5f, "softmax sums to 1, found " + sum);
    }

    @Test
    void twoLoadsAreIndependentClassesWithEqualBehaviour() {
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork iris = SpecCheck.read("src/test/resources/specs/iris.yaml", diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics));

        TrainableNetwork first = InMemoryCompiler.load(iris, "iris.yaml");
        TrainableNetwork second = InMemoryCompiler.load(iris, "iris.yaml");

        assertTrue(first.getClass() != second.getClass());
        assertArrayEquals(first.initialParameters(9L), second.initialParameters(9L));
    }
}
