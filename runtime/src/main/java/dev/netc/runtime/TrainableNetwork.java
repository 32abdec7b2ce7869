package dev.netc.runtime;

import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import java.util.Optional;

/**
 * A generated network that can also be trained: the mean loss of a batch and its gradient with respect to every
 * parameter, and freshly initialised parameters. Thread safety is as for {@link Network}: concurrent calls are safe
 * when each thread passes its own gradient array.
 */
public interface TrainableNetwork extends Network {

    /**
     * The mean loss of a batch (as PyTorch averages it: over samples for the categorical cross-entropies, over every
     * output element for the others), plus each dense layer's L2 penalty {@code l2 * sum(W^2)}; and its gradient.
     * Dropout is not applied: the loss is the one the network has at inference (see the method below for training).
     *
     * @param parameters {@link #parameterCount()} values; not modified
     * @param inputs at least {@code count * inputSize()} values, row-major; not modified
     * @param targets row-major, {@code outputSize()} values per sample; for sparse categorical cross-entropy one
     *     value per sample, the class index {@code 0, 1, ...}; not modified
     * @param count number of samples, at least one
     * @param gradient receives {@link #parameterCount()} values in the parameter layout; overwritten, not added to
     * @return the mean loss
     * @throws IllegalArgumentException if {@code count} is not positive, an array is too short, or a sparse target is
     *     not a class index
     */
    float lossAndGradient(float[] parameters, float[] inputs, float[] targets, int count, float[] gradient);

    /**
     * {@link #lossAndGradient(float[], float[], float[], int, float[])} as a training step computes it: with dropout
     * applied to the output of every dense layer that has a rate ({@link Dropout}), the masks drawn from {@code
     * dropoutSeed}, the layer, each sample's index in the call and the unit. The same seed gives the same masks, so
     * the result is a function of the arguments. For a network without dropout this is the loss and gradient of the
     * method above, which the default delegates to.
     *
     * @param dropoutSeed this step's masks ({@link Dropout#stepSeed} in the training loop)
     */
    default float lossAndGradient(
            float[] parameters, float[] inputs, float[] targets, int count, float[] gradient, long dropoutSeed) {
        return lossAndGradient(parameters, inputs, targets, count, gradient);
    }

    /**
     * New parameters, each dense layer's weights drawn as its {@code init} says (see {@link Initializers}) and its
     * bias zero. The same seed gives the same parameters on every JVM and platform.
     */
    float[] initialParameters(long seed);

    /**
     * The optimizer the network's spec states (a YAML {@code optimizer:} or an {@code @Optimizer} annotation), every
     * option resolved: what {@code Trainer} trains with unless code chooses another. Empty when the spec states none,
     * and for networks not generated from a spec.
     */
    default Optional<OptimizerSpec> statedOptimizer() {
        return Optional.empty();
    }

    /**
     * The training defaults the network's spec states (a YAML {@code training:} or a {@code @Training} annotation):
     * the epochs and batch size {@code Trainer} uses unless code sets them. Empty when the spec states none, and for
     * networks not generated from a spec.
     */
    default Optional<TrainingSpec> statedTraining() {
        return Optional.empty();
    }
}
