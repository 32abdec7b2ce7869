package dev.netc.runtime.reference;

import static dev.netc.runtime.reference.Networks.add;
import static dev.netc.runtime.reference.Networks.concat;
import static dev.netc.runtime.reference.Networks.dense;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReferenceNetwork#backward} against {@link FiniteDifferences} in double precision, within {@link
 * Tolerance#FINITE_DIFFERENCES}, for every hidden activation, every loss and every output activation the loss
 * accepts, on seeded random networks: a sequential one (with an L2 penalty and a layer without bias) and a graph
 * with concat and add in which one layer is read twice. Samples are redrawn until no relu or leaky relu
 * pre-activation, and no residual of the absolute error, lies within {@value #KINK_MARGIN} of its kink, where a
 * difference quotient means nothing.
 */
class GradientCheckTest {

    private static final double KINK_MARGIN = 1e-3;
    private static final int BATCH = 4;
    private static final int MAX_DRAWS = 1000;

    /** Every activation a hidden layer may have (softmax is for the output only). */
    private static final List<Activation> HIDDEN = Stream.of(Activation.values())
            .filter(activation -> activation != Activation.SOFTMAX)
            .toList();

    /** The output activations each loss accepts, as the validator's loss rules state them. */
    private static List<Activation> outputsFor(Loss loss) {
        return switch (loss) {
            case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR -> List.of(Activation.values());
            case BINARY_CROSSENTROPY -> List.of(Activation.SIGMOID);
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> List.of(
                    Activation.SOFTMAX, Activation.LINEAR);
        };
    }

    static Stream<Arguments> sequentialCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Loss loss : Loss.values()) {
            for (Activation output : outputsFor(loss)) {
                for (Activation hidden : HIDDEN) {
                    cases.add(Arguments.of(hidden, output, loss));
                }
            }
        }
        return cases.stream();
    }

    /** One graph per loss and output activation; the hidden activation of its first layer cycles through all. */
    static Stream<Arguments> graphCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Loss loss : Loss.values()) {
            for (Activation output : outputsFor(loss)) {
                cases.add(Arguments.of(HIDDEN.get(cases.size() % HIDDEN.size()), output, loss));
            }
        }
        return cases.stream();
    }

    @Test
    void casesCoverEveryValidCombination() {
        // 8 hidden activations x (9 + 9 outputs for the regression losses, 1 for binary, 2 for each categorical).
        assertEquals(8 * (9 + 9 + 1 + 2 + 2), sequentialCases().count(), "sequential cases");
        assertEquals(23, graphCases().count(), "graph cases");
        Set<Activation> activations = EnumSet.noneOf(Activation.class);
        Set<Loss> losses = EnumSet.noneOf(Loss.class);
        Stream.concat(sequentialCases(), graphCases()).forEach(arguments -> {
            Object[] values = arguments.get();
            activations.add((Activation) values[0]);
            activations.add((Activation) values[1]);
            losses.add((Loss) values[2]);
        });
        assertEquals(EnumSet.allOf(Activation.class), activations, "activations covered");
        assertEquals(EnumSet.allOf(Loss.class), losses, "losses covered");
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}")
    @MethodSource("sequentialCases")
    void sequentialGradientMatchesFiniteDifferences(Activation hidden, Activation output, Loss loss) {
        List<LayerSpec> layers = List.of(
                dense("dense1", InputSpec.NAME, 4, hidden, true, 0.01),
                dense("dense2", "dense1", 5, hidden, false, 0),
                dense("dense3", "dense2", outputSize(loss), output));
        check(Networks.graph(loss, 3, layers), seed(0, hidden, output, loss));
    }

    @ParameterizedTest(name = "{0} first layer, {1} output, {2}")
    @MethodSource("graphCases")
    void graphGradientMatchesFiniteDifferences(Activation hidden, Activation output, Loss loss) {
        List<LayerSpec> layers = List.of(
                dense("left", InputSpec.NAME, 4, hidden),
                dense("right", InputSpec.NAME, 3, Activation.LEAKY_RELU, true, 0.02),
                concat("both", "left", "right", InputSpec.NAME),
                dense("mixed", "both", 4, Activation.GELU, false, 0),
                add("sum", "left", "mixed"),
                dense("out", "sum", outputSize(loss), output));
        check(Networks.graph(loss, 3, layers), seed(1, hidden, output, loss));
    }

    private static void check(CheckedNetwork checked, long seed) {
        Random random = new Random(seed);
        ReferenceNetwork network = new ReferenceNetwork(checked, Networks.randomParameters(checked, random));
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            double[][] batch = Networks.gaussianRows(BATCH, checked.inputSize(), random);
            double[][] targets = targets(checked, random);
            if (awayFromKinks(network, batch, targets)) {
                double[] analytic = network.backward(batch, targets);
                double[] numeric = FiniteDifferences.gradient(network, batch, targets);
                assertTrue(Arrays.stream(analytic).anyMatch(g -> Math.abs(g) > 1e-6), "the gradient is all zeros");
                Tolerance.FINITE_DIFFERENCES.assertAllClose(
                        "gradient", numeric, analytic, i -> ParameterLabels.of(checked.layout(), i));
                return;
            }
        }
        fail("no sample away from the kinks in " + MAX_DRAWS + " draws");
    }

    /** Targets of the loss's kind: real values, probabilities, unnormalised class weights or class indices. */
    private static double[][] targets(CheckedNetwork checked, Random random) {
        int outputs = checked.outputSize();
        Loss loss = checked.spec().loss();
        double[][] targets = new double[BATCH][];
        for (int row = 0; row < BATCH; row++) {
            if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
                targets[row] = new double[] {random.nextInt(outputs)};
            } else {
                targets[row] = new double[outputs];
                for (int i = 0; i < outputs; i++) {
                    targets[row][i] = loss == Loss.MEAN_SQUARED_ERROR || loss == Loss.MEAN_ABSOLUTE_ERROR
                            ? random.nextGaussian()
                            : random.nextDouble();
                }
            }
        }
        return targets;
    }

    private static boolean awayFromKinks(ReferenceNetwork network, double[][] batch, double[][] targets) {
        Tape tape = network.trace(batch);
        for (LayerSpec layer : network.network().layers()) {
            if (layer instanceof DenseSpec dense
                    && (dense.activation() == Activation.RELU || dense.activation() == Activation.LEAKY_RELU)
                    && nearZero(tape.preActivation(dense.name()).data)) {
                return false;
            }
        }
        if (network.network().spec().loss() == Loss.MEAN_ABSOLUTE_ERROR) {
            double[][] output = network.forward(batch);
            for (int row = 0; row < output.length; row++) {
                for (int i = 0; i < output[row].length; i++) {
                    if (Math.abs(output[row][i] - targets[row][i]) < KINK_MARGIN) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean nearZero(double[] values) {
        for (double value : values) {
            if (Math.abs(value) < KINK_MARGIN) {
                return true;
            }
        }
        return false;
    }

    private static int outputSize(Loss loss) {
        return switch (loss) {
            case BINARY_CROSSENTROPY -> 1;
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> 3;
            case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR -> 2;
        };
    }

    /** A seed fixed by the case (ordinals, not hash codes, which change from run to run for enums). */
    private static long seed(int shape, Activation hidden, Activation output, Loss loss) {
        return 10_000L * shape + 100L * loss.ordinal() + 10L * output.ordinal() + hidden.ordinal();
    }
}
