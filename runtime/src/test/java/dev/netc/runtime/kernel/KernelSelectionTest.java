package dev.netc.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How {@code netc.kernels} and {@code netc.threads} select the implementation and the thread count. */
class KernelSelectionTest {

    @Test
    void theVectorKernelsRunWheneverTheIncubatorModuleIsPresent() {
        assertEquals("vector", KernelSelection.kernel(null, true).name());
        assertEquals("vector", KernelSelection.kernel("", true).name());
        assertEquals("vector", KernelSelection.kernel(" Vector ", true).name());
        assertEquals("scalar", KernelSelection.kernel(null, false).name());
    }

    @Test
    void scalarCanBeForcedEvenWithTheModule() {
        assertEquals("scalar", KernelSelection.kernel("scalar", true).name());
        assertEquals("scalar", KernelSelection.kernel("scalar", false).name());
    }

    @Test
    void forcingVectorWithoutTheModuleSaysHowToAddIt() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> KernelSelection.kernel("vector", false));
        assertEquals(
                "netc.kernels=vector needs the jdk.incubator.vector module: start the JVM with --add-modules"
                        + " jdk.incubator.vector",
                e.getMessage());
    }

    @Test
    void anUnknownImplementationIsNamedInTheError() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> KernelSelection.kernel("gpu", true));
        assertEquals("netc.kernels must be 'vector' or 'scalar', found 'gpu'", e.getMessage());
    }

    @Test
    void threadsDefaultToTheProcessorsAndMustBePositive() {
        assertEquals(3, KernelSelection.threads(null, 3));
        assertEquals(3, KernelSelection.threads(" ", 3));
        assertEquals(2, KernelSelection.threads(" 2 ", 3));
        for (String bad : new String[] {"0", "-1", "two", "1.5"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> KernelSelection.threads(bad, 3));
            assertEquals("netc.threads must be a positive integer, found '" + bad + "'", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new TileExecutor(0));
    }

    @Test
    void testsRunWithTheVectorModuleSoTheDefaultIsVector() {
        assertTrue(
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "surefire's argLine must add jdk.incubator.vector");
        String forced = System.getProperty(KernelSelection.KERNELS_PROPERTY);
        assertEquals(forced == null ? "vector" : forced, DenseKernels.implementation());
    }
}
