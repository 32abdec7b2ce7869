package dev.netc.runtime.reference;

import java.util.function.ToDoubleFunction;

/**
 * Central finite differences of {@link ReferenceNetwork#loss}, an independent check of {@link
 * ReferenceNetwork#backward}: {@code (L(p + h e_i) - L(p - h e_i)) / 2h} for each parameter {@code i}. The loss may
 * also be any other function of the parameters, such as the loss with dropout for one seed, whose masks the seed
 * fixes so that it is as smooth in the parameters as the loss without. In double
 * precision with {@code h = 1e-6} the truncation error (order {@code h^2}) and the rounding error (order {@code
 * 1e-16 / h}) are both far below 1e-6 relative for smooth losses; at a kink (relu at 0, absolute error at 0) the
 * estimate is meaningless, so callers keep their samples away from kinks.
 */
public final class FiniteDifferences {

    /** The default step, 1e-6. */
    public static final double DEFAULT_STEP = 1e-6;

    private FiniteDifferences() {}

    /** {@link #gradient(ReferenceNetwork, double[][], double[][], double)} with {@link #DEFAULT_STEP}. */
    public static double[] gradient(ReferenceNetwork network, double[][] batch, double[][] targets) {
        return gradient(network, batch, targets, DEFAULT_STEP);
    }

    /**
     * The central-difference estimate of the gradient of the loss with respect to every parameter, in the network's
     * parameter layout. Costs two loss evaluations per parameter, so it suits small networks only.
     *
     * @param network the network and the parameters to differentiate at
     * @param batch as for {@link ReferenceNetwork#loss}; not modified
     * @param targets as for {@link ReferenceNetwork#loss}; not modified
     * @param step the perturbation {@code h}, positive
     * @throws IllegalArgumentException if {@code step} is not positive and finite
     */
    public static double[] gradient(ReferenceNetwork network, double[][] batch, double[][] targets, double step) {
        return gradient(network, withParameters -> withParameters.loss(batch, targets), step);
    }

    /**
     * The central-difference estimate of the gradient of {@code loss} with respect to every parameter, in the
     * network's parameter layout: {@code loss} is applied to {@code network} with one parameter moved up, then down.
     *
     * @param network the network and the parameters to differentiate at
     * @param loss a function of the network's parameters, evaluated on networks that differ only in them
     * @param step the perturbation {@code h}, positive
     * @throws IllegalArgumentException if {@code step} is not positive and finite
     */
    public static double[] gradient(ReferenceNetwork network, ToDoubleFunction<ReferenceNetwork> loss, double step) {
        if (!(step > 0 && step < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("step: expected a positive finite number, found " + step);
        }
        double[] parameters = network.parameters();
        double[] gradient = new double[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            double original = parameters[i];
            double up = original + step;
            double down = original - step;
            parameters[i] = up;
            double lossUp = loss.applyAsDouble(network.withParameters(parameters));
            parameters[i] = down;
            double lossDown = loss.applyAsDouble(network.withParameters(parameters));
            parameters[i] = original;
            // Divide by the step actually taken: up - down is exact, 2 * step may not be after rounding.
            gradient[i] = (lossUp - lossDown) / (up - down);
        }
        return gradient;
    }
}
