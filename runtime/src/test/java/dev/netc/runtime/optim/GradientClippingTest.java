package dev.netc.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Global-norm clipping with {@code torch.nn.utils.clip_grad_norm_}'s factor {@code maxNorm / (norm + 1e-6)}. */
class GradientClippingTest {

    @Test
    void aLongGradientIsScaledToTheLimitKeepingItsDirection() {
        float[] g = {3f, -4f};
        assertEquals(5.0, GradientClipping.clipByGlobalNorm(g, 1.0), "the norm before clipping");
        float factor = (float) (1.0 / (5.0 + 1e-6));
        assertArrayEquals(new float[] {3f * factor, -4f * factor}, g);
        assertEquals(1.0, GradientClipping.globalNorm(g), 1e-6);
    }

    @Test
    void theNormIsGlobalOverEveryParameter() {
        float[] g = {1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f};
        assertEquals(3.0, GradientClipping.clipByGlobalNorm(g, 1.5));
        assertEquals(1.5, GradientClipping.globalNorm(g), 1e-6);
    }

    @Test
    void aShortGradientIsLeftAsItIs() {
        float[] g = {0.3f, 0.4f};
        double norm = GradientClipping.clipByGlobalNorm(g, 1.0);
        assertEquals(0.5, norm, 1e-7);
        assertArrayEquals(new float[] {0.3f, 0.4f}, g);
    }

    @Test
    void aGradientAtTheLimitIsScaledByPyTorchsFactor() {
        float[] g = {3f, 4f};
        GradientClipping.clipByGlobalNorm(g, 5.0);
        float factor = (float) (5.0 / (5.0 + 1e-6));
        assertArrayEquals(new float[] {3f * factor, 4f * factor}, g);
    }

    @Test
    void aNonFiniteGradientIsLeftForTheCallerToReport() {
        float[] infinite = {Float.POSITIVE_INFINITY, 1f};
        assertEquals(Double.POSITIVE_INFINITY, GradientClipping.clipByGlobalNorm(infinite, 1.0));
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, 1f}, infinite);
        float[] nan = {Float.NaN, 1f};
        assertEquals(Double.NaN, GradientClipping.clipByGlobalNorm(nan, 1.0));
        assertArrayEquals(new float[] {Float.NaN, 1f}, nan);
    }

    @Test
    void theNormIsSummedInDouble() {
        float[] huge = {3e30f, 4e30f}; // squares overflow float
        assertEquals(5e30, GradientClipping.globalNorm(huge), 1e24);
    }

    @Test
    void aMaximumThatIsNotPositiveIsRefused() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(new float[1], bad));
            assertEquals("maximum norm must be a finite positive number, found " + bad, e.getMessage());
        }
    }
}
