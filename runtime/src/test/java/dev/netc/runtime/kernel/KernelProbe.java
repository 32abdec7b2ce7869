package dev.netc.runtime.kernel;

import java.util.Arrays;

/**
 * Run in a JVM of its own by {@link WithoutTheVectorModuleTest}: prints which implementation {@link DenseKernels}
 * chose, then the forward pass, parameter gradient and input gradient of one {@link DenseCase} as float bits.
 */
public final class KernelProbe {

    /** The block the probe computes, also computed in the test's own JVM for comparison. */
    static final DenseCase CASE = new DenseCase(33, 531, 70, true, 2, 11L);

    private KernelProbe() {}

    public static void main(String[] args) {
        System.out.println(DenseKernels.implementation());
        DenseCase c = CASE;
        float[] z = new float[c.rows() * c.units()], g = c.gradients(), dx = new float[c.rows() * c.inputs()];
        DenseKernels.forward(
                c.parameters(), c.weights(), c.bias(), c.inputs(), c.units(), c.x(), c.xOffset(), c.rows(), z);
        DenseKernels.gradient(
                c.dz(), c.x(), c.xOffset(), c.rows(), c.inputs(), c.units(), g, c.weights(), c.bias(), true);
        DenseKernels.inputGradient(c.parameters(), c.weights(), c.inputs(), c.units(), c.dz(), c.rows(), dx);
        System.out.println(Arrays.hashCode(z) + " " + Arrays.hashCode(g) + " " + Arrays.hashCode(dx));
    }
}
