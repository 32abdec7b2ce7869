package dev.netc.runtime.reference;

import dev.netc.runtime.Dropout;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import java.util.Locale;
import java.util.OptionalLong;
import org.ejml.data.DMatrixRMaj;

/**
 * A straightforward double-precision implementation of a checked network (dense, concat and add layers), the
 * numeric oracle that generated classes are tested against. It favours clarity over speed: whole-batch matrix
 * products with EJML, {@link StrictMath} for every transcendental function (so results do not depend on the
 * platform's intrinsics), and nothing cached between calls.
 *
 * <p>Conventions are PyTorch's. A dense layer computes {@code a = activation(X W^T + b)}, batch rows being samples.
 * The loss is the mean PyTorch defines (see {@link #loss}), plus {@code l2 * sum(W^2)} for every dense layer with an
 * L2 penalty. Cross-entropies are computed from the output layer's pre-activations (logits): on a softmax or
 * sigmoid output the activation is folded into the loss, and for categorical cross-entropy on a linear output the
 * output <em>is</em> the logits, the softmax being applied inside the loss only.
 *
 * <p>{@link #forward}, and {@link #loss} and {@link #backward} without a seed, evaluate the network as at inference,
 * where dropout is the identity. Given a dropout seed, {@code loss} and {@code backward} evaluate it as a training
 * step does, with inverted dropout on the output of every hidden dense layer with a rate: the masks of {@link
 * Dropout#kept} drawn from the seed, the layer's index among the dense layers, the sample's row in the batch and the
 * unit, and kept outputs multiplied by {@code 1 / (1 - rate)} in double. Either way the result is a function of the
 * arguments, so a generated class's training step is checked against the same masks.
 *
 * <p>Parameters are one flat array in the network's {@link dev.netc.spec.ParameterLayout} (per dense layer in
 * order: weights row-major {@code [units][inputs]}, then bias {@code [units]}); gradients use the same layout.
 * Instances are immutable and safe to share between threads.
 */
public final class ReferenceNetwork {

    private final CheckedNetwork network;
    private final double[] parameters;
    private final LayerWalk walk;
    private final LossHead head;

    /**
     * The network with {@code parameters} (copied; not modified).
     *
     * @throws IllegalArgumentException if the number of parameters is not the layout's count, or the network's loss
     *     cannot be computed on its output activation (binary cross-entropy needs a sigmoid output; the categorical
     *     ones a softmax or linear output)
     */
    public ReferenceNetwork(CheckedNetwork network, double[] parameters) {
        long expected = network.layout().count();
        if (parameters.length != expected) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "network %s: expected %d parameters, found %d",
                    network.spec().name(),
                    expected,
                    parameters.length));
        }
        this.network = network;
        this.parameters = parameters.clone();
        this.walk = new LayerWalk(network, this.parameters);
        this.head = new LossHead(network.spec().loss(), network.outputActivation());
    }

    /** The network with {@code parameters} widened to double (for the float parameters of a generated class). */
    public ReferenceNetwork(CheckedNetwork network, float[] parameters) {
        this(network, widen(parameters));
    }

    /** The network this evaluates. */
    public CheckedNetwork network() {
        return network;
    }

    /** A copy of the parameters, in the network's layout. */
    public double[] parameters() {
        return parameters.clone();
    }

    /** The same network with other {@code parameters} (copied; not modified). */
    public ReferenceNetwork withParameters(double[] newParameters) {
        return new ReferenceNetwork(network, newParameters);
    }

    /**
     * The network's output for each sample, after the output activation, as at inference (no dropout).
     *
     * @param batch one row of {@link CheckedNetwork#inputSize()} values per sample, at least one row; not modified
     * @return one row of {@link CheckedNetwork#outputSize()} values per sample
     */
    public double[][] forward(double[][] batch) {
        return Batches.toRows(trace(batch).output(network.output().name()));
    }

    /**
     * The mean loss of the batch, as PyTorch computes it, plus the L2 penalties. Mean squared and mean absolute error
     * average over every output element; binary cross-entropy averages {@code max(z,0) - z*t + log1p(exp(-|z|))} over
     * every element of the logits {@code z}; categorical cross-entropy averages {@code -sum(t * log_softmax(z))} over
     * the samples; sparse categorical cross-entropy does the same with the target class given as an index.
     *
     * @param batch as for {@link #forward}; not modified
     * @param targets one row per sample: {@link CheckedNetwork#outputSize()} values, or for sparse categorical
     *     cross-entropy one value, the class index ({@code 0, 1, ...}); not modified
     */
    public double loss(double[][] batch, double[][] targets) {
        return loss(batch, targets, OptionalLong.empty());
    }

    /**
     * {@link #loss(double[][], double[][])} as a training step computes it, with dropout: the masks drawn from {@code
     * dropoutSeed} (see the class comment). Without a dense layer that has a rate, the same loss.
     *
     * @param batch as for {@link #forward}; row {@code i} is sample {@code i} of the masks; not modified
     * @param targets as for {@link #loss(double[][], double[][])}; not modified
     */
    public double loss(double[][] batch, double[][] targets, long dropoutSeed) {
        return loss(batch, targets, OptionalLong.of(dropoutSeed));
    }

    /**
     * The gradient of {@link #loss(double[][], double[][])} with respect to every parameter, in the network's
     * parameter layout.
     *
     * @param batch as for {@link #forward}; not modified
     * @param targets as for {@link #loss}; not modified
     */
    public double[] backward(double[][] batch, double[][] targets) {
        return backward(batch, targets, OptionalLong.empty());
    }

    /**
     * The gradient of {@link #loss(double[][], double[][], long)}, the same masks being drawn from {@code
     * dropoutSeed}: a dropped output passes no gradient back, a kept one passes it multiplied by {@code 1 / (1 -
     * rate)}.
     *
     * @param batch as for {@link #forward}; not modified
     * @param targets as for {@link #loss}; not modified
     */
    public double[] backward(double[][] batch, double[][] targets, long dropoutSeed) {
        return backward(batch, targets, OptionalLong.of(dropoutSeed));
    }

    /** The loss with dropout if {@code dropoutSeed} is present, as at inference if it is empty. */
    double loss(double[][] batch, double[][] targets, OptionalLong dropoutSeed) {
        Tape tape = trace(batch, dropoutSeed);
        String output = network.output().name();
        return head.value(tape.preActivation(output), tape.output(output), targetMatrix(targets, batch.length))
                + walk.penalty();
    }

    /** The gradient of {@link #loss(double[][], double[][], OptionalLong)} with the same {@code dropoutSeed}. */
    double[] backward(double[][] batch, double[][] targets, OptionalLong dropoutSeed) {
        Tape tape = trace(batch, dropoutSeed);
        String output = network.output().name();
        DMatrixRMaj outputGradient =
                head.gradient(tape.preActivation(output), tape.output(output), targetMatrix(targets, batch.length));
        return walk.backward(tape, outputGradient);
    }

    /**
     * The forward pass as at inference, with everything it computed, for tests that look inside (to avoid kinks,
     * say).
     */
    Tape trace(double[][] batch) {
        return trace(batch, OptionalLong.empty());
    }

    /** The forward pass with everything it computed, with dropout if {@code dropoutSeed} is present. */
    Tape trace(double[][] batch, OptionalLong dropoutSeed) {
        return walk.forward(Batches.toMatrix("batch", batch, network.inputSize()), dropoutSeed);
    }

    private DMatrixRMaj targetMatrix(double[][] targets, int batchSize) {
        if (targets.length != batchSize) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "targets: expected %d rows (one per sample), found %d", batchSize, targets.length));
        }
        DenseSpec output = network.output();
        DMatrixRMaj matrix = Batches.toMatrix("targets", targets, head.targetColumns(output.units()));
        head.checkTargets(matrix, output.units());
        return matrix;
    }

    private static double[] widen(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }

    @Override
    public String toString() {
        return "ReferenceNetwork[" + network.spec().name() + ", " + parameters.length + " parameters]";
    }
}
