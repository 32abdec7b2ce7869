package dev.netc.runtime.optim;

import java.util.Locale;

/**
 * Clipping by global norm, as {@code torch.nn.utils.clip_grad_norm_} with the L2 norm: when the Euclidean norm of the
 * whole gradient exceeds {@code maxNorm}, every value is scaled by {@code maxNorm / (norm + 1e-6)}, which keeps the
 * gradient's direction. The norm is summed in double, so it does not overflow or lose small values on large networks.
 */
public final class GradientClipping {

    /** PyTorch's guard against division by zero in the scale factor. */
    private static final double GUARD = 1e-6;

    private GradientClipping() {}

    /**
     * Clips {@code gradients} in place to a global L2 norm of at most {@code maxNorm} (PyTorch's exact factor, which
     * scales a gradient whose norm is within {@code 1e-6} of the limit by a hair). A gradient with a NaN or infinite
     * value is left as it is: its norm, NaN or infinite, tells the caller to stop.
     *
     * @param gradients the gradient of every parameter (modified)
     * @param maxNorm the largest norm let through, finite and positive
     * @return the norm before clipping, for the training history
     * @throws IllegalArgumentException if {@code maxNorm} is not finite and positive
     */
    public static double clipByGlobalNorm(float[] gradients, double maxNorm) {
        if (!(Double.isFinite(maxNorm) && maxNorm > 0)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "maximum norm must be a finite positive number, found %s", maxNorm));
        }
        double norm = globalNorm(gradients);
        double scale = maxNorm / (norm + GUARD);
        if (Double.isFinite(norm) && scale < 1) {
            float factor = (float) scale;
            for (int i = 0; i < gradients.length; i++) {
                gradients[i] *= factor;
            }
        }
        return norm;
    }

    /** The Euclidean norm of {@code values}, summed in double; not modified. */
    public static double globalNorm(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }
}
