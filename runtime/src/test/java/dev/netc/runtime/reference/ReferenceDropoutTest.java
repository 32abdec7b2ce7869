package dev.netc.runtime.reference;

import static dev.netc.runtime.reference.Networks.dense;
import static dev.netc.runtime.reference.Networks.withDropout;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.netc.Activation;
import dev.netc.Loss;
import dev.netc.runtime.Dropout;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.InputSpec;
import dev.netc.spec.ParameterLayout;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The reference's dropout: {@link ReferenceNetwork#loss(double[][], double[][], long)} drops exactly the outputs
 * {@link Dropout#kept} says, its gradient agrees with finite differences (the seed fixing the masks), dropped outputs
 * average to the outputs without dropout, and {@link TrainableReference} passes the seed on.
 */
class ReferenceDropoutTest {

    private static final long SEED = 0x5eedL;
    private static final double FIRST_RATE = 0.5;
    private static final double SECOND_RATE = 0.3;

    /** Values a float holds exactly, so that {@link TrainableReference} sees the same batch. */
    private static final double[][] BATCH = {
        {0.5, -1.0, 0.25}, {2.0, 0.75, -1.5}, {-0.75, 1.5, 0.125}, {1.0, -0.5, -2.0}
    };

    private static final double[][] TARGETS = {{1.0, -0.5}, {0.25, 0.0}, {-1.0, 0.5}, {0.75, 1.25}};

    /** How many seeds the averages over masks take: enough for five standard errors to be a few percent. */
    private static final int SEEDS = 20_000;

    private static final double KINK_MARGIN = 1e-3;
    private static final int MAX_DRAWS = 1000;

    /**
     * input 3 -> dense1 (5, tanh, dropout {@value #FIRST_RATE}) -> dense2 (4, relu, dropout {@value #SECOND_RATE})
     * -> out (2, linear), mean squared error: dense layers 0, 1 and 2 for the masks.
     */
    private static CheckedNetwork twoDropoutLayers(double firstRate, double secondRate) {
        return Networks.graph(
                Loss.MEAN_SQUARED_ERROR,
                3,
                List.of(
                        withDropout(dense("dense1", InputSpec.NAME, 5, Activation.TANH), firstRate),
                        withDropout(dense("dense2", "dense1", 4, Activation.RELU), secondRate),
                        dense("out", "dense2", 2, Activation.LINEAR)));
    }

    private static ReferenceNetwork withRandomParameters(CheckedNetwork network, long seed) {
        return new ReferenceNetwork(network, Networks.randomParameters(network, new Random(seed)));
    }

    @Test
    void seededGradientMatchesFiniteDifferencesOfTheSeededLoss() {
        CheckedNetwork checked = twoDropoutLayers(FIRST_RATE, SECOND_RATE);
        Random random = new Random(21);
        ReferenceNetwork network = new ReferenceNetwork(checked, Networks.randomParameters(checked, random));
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            double[][] batch = Networks.gaussianRows(4, checked.inputSize(), random);
            double[][] targets = Networks.gaussianRows(4, checked.outputSize(), random);
            // With the masks fixed the loss is smooth but at relu's kink, so samples stay away from it.
            if (awayFromZero(network.trace(batch, OptionalLong.of(SEED)).preActivation("dense2"))) {
                double[] analytic = network.backward(batch, targets, SEED);
                double[] numeric = FiniteDifferences.gradient(
                        network,
                        withParameters -> withParameters.loss(batch, targets, SEED),
                        FiniteDifferences.DEFAULT_STEP);
                Tolerance.FINITE_DIFFERENCES.assertAllClose(
                        "gradient with dropout", numeric, analytic, i -> ParameterLabels.of(checked.layout(), i));
                assertTrue(
                        maxDifference(analytic, network.backward(batch, targets)) > 1e-3,
                        "dropout changes the gradient");
                return;
            }
        }
        fail("no sample away from relu's kink in " + MAX_DRAWS + " draws");
    }

    @Test
    void dropsEachHiddenOutputAsDropoutKeptSays() {
        ReferenceNetwork network = withRandomParameters(twoDropoutLayers(FIRST_RATE, SECOND_RATE), 3);
        Tape dropped = network.trace(BATCH, OptionalLong.of(SEED));

        assertDroppedAsKeptSays(dropped, "dense1", 0, FIRST_RATE);
        assertDroppedAsKeptSays(dropped, "dense2", 1, SECOND_RATE);
        assertArrayEquals(network.trace(BATCH).output("dense1").data, dropped.activation("dense1").data);
        assertArrayEquals(dropped.activation("out").data, dropped.output("out").data);
    }

    @Test
    void aDroppedUnitPassesNoGradientToItsParameters() {
        ReferenceNetwork network = withRandomParameters(twoDropoutLayers(FIRST_RATE, 0), 4);
        double[][] sample = {BATCH[1]};
        ParameterLayout.Entry dense1 = network.network().layout().of("dense1");

        double[] withDropout = network.backward(sample, new double[][] {TARGETS[1]}, SEED);
        double[] without = network.backward(sample, new double[][] {TARGETS[1]});

        int dropped = 0;
        for (int unit = 0; unit < dense1.units(); unit++) {
            boolean kept = Dropout.kept(SEED, 0, 0, unit, FIRST_RATE);
            for (int index : parametersOf(dense1, unit)) {
                String label = ParameterLabels.of(network.network().layout(), index);
                assertTrue(without[index] != 0, "without dropout, " + label + " has a gradient");
                assertEquals(kept, withDropout[index] != 0, label + " has a gradient if and only if kept");
            }
            dropped += kept ? 0 : 1;
        }
        assertTrue(dropped > 0 && dropped < dense1.units(), "the mask keeps some units and drops others: " + dropped);
    }

    @Test
    void theSeedPicksTheMasks() {
        ReferenceNetwork network = withRandomParameters(twoDropoutLayers(FIRST_RATE, SECOND_RATE), 5);
        double inference = network.loss(BATCH, TARGETS);
        double training = network.loss(BATCH, TARGETS, SEED);

        assertNotEquals(inference, training);
        assertNotEquals(training, network.loss(BATCH, TARGETS, SEED + 1));
        assertEquals(training, network.loss(BATCH, TARGETS, SEED));
        assertArrayEquals(network.backward(BATCH, TARGETS, SEED), network.backward(BATCH, TARGETS, SEED));
    }

    @Test
    void withoutDropoutTheSeedChangesNothing() {
        ReferenceNetwork network = withRandomParameters(twoDropoutLayers(0, 0), 6);

        assertEquals(network.loss(BATCH, TARGETS), network.loss(BATCH, TARGETS, SEED));
        assertArrayEquals(network.backward(BATCH, TARGETS), network.backward(BATCH, TARGETS, SEED));
    }

    @Test
    void theOutputLayerIsNeverDropped() {
        CheckedNetwork checked = Networks.graph(
                Loss.MEAN_SQUARED_ERROR,
                3,
                List.of(
                        dense("hidden", InputSpec.NAME, 5, Activation.TANH),
                        withDropout(dense("out", "hidden", 2, Activation.LINEAR), 0.5)));
        ReferenceNetwork network = withRandomParameters(checked, 7);

        assertEquals(network.loss(BATCH, TARGETS), network.loss(BATCH, TARGETS, SEED));
        assertArrayEquals(network.backward(BATCH, TARGETS), network.backward(BATCH, TARGETS, SEED));
    }

    /**
     * A dropped output is {@code h m / (1 - p)} with {@code m} kept with probability {@code 1 - p}: its mean over
     * masks is {@code h}, its standard deviation {@code |h| sqrt(p / (1 - p))}. The mean over {@value #SEEDS} seeds
     * is within five standard errors of {@code h}, a few percent; without the scale it would be {@code h (1 - p)}.
     */
    @Test
    void droppedOutputsAverageToTheOutputsWithoutDropout() {
        ReferenceNetwork network = withRandomParameters(linearThroughDropout(), 8);
        DMatrixRMaj undropped = network.trace(BATCH).output("hidden");

        DMatrixRMaj sum = new DMatrixRMaj(undropped.numRows, undropped.numCols);
        for (int step = 0; step < SEEDS; step++) {
            DMatrixRMaj dropped = network.trace(BATCH, OptionalLong.of(Dropout.stepSeed(SEED, 0, step)))
                    .output("hidden");
            for (int i = 0; i < sum.data.length; i++) {
                sum.data[i] += dropped.data[i];
            }
        }

        double spread = Math.sqrt(FIRST_RATE / (1 - FIRST_RATE));
        for (int i = 0; i < sum.data.length; i++) {
            double h = undropped.data[i];
            assertEquals(h, sum.data[i] / SEEDS, 5 * Math.abs(h) * spread / Math.sqrt(SEEDS), "hidden output " + i);
        }
    }

    /**
     * The gradient of the output's bias is linear in the masks, {@code 2/n sum_r (sum_j w_j m_rj h_rj + b - t_r)} for
     * one output, so its mean over masks is the gradient without dropout; its variance is {@code (2/n)^2 sum_r sum_j
     * w_j^2 h_rj^2 p / (1 - p)}. The mean over {@value #SEEDS} seeds is within five standard errors of it.
     */
    @Test
    void theOutputBiasGradientAveragesToTheGradientWithoutDropout() {
        CheckedNetwork checked = linearThroughDropout();
        ReferenceNetwork network = withRandomParameters(checked, 9);
        double[][] targets = {{1.0}, {-0.5}, {0.25}, {2.0}};
        int bias = Math.toIntExact(checked.layout().of("out").bias());
        int weights = Math.toIntExact(checked.layout().of("out").weights());

        double sum = 0;
        for (int step = 0; step < SEEDS; step++) {
            sum += network.backward(BATCH, targets, Dropout.stepSeed(SEED, 0, step))[bias];
        }

        double[] parameters = network.parameters();
        DMatrixRMaj hidden = network.trace(BATCH).output("hidden");
        double variance = 0;
        for (int row = 0; row < hidden.numRows; row++) {
            for (int unit = 0; unit < hidden.numCols; unit++) {
                double contribution = parameters[weights + unit] * hidden.get(row, unit);
                variance += contribution * contribution;
            }
        }
        variance *= Math.pow(2.0 / BATCH.length, 2) * FIRST_RATE / (1 - FIRST_RATE);
        double expected = network.backward(BATCH, targets)[bias];
        assertEquals(expected, sum / SEEDS, 5 * Math.sqrt(variance / SEEDS), "mean gradient of the output bias");
    }

    @Test
    void trainableReferenceWithASeedIsTheSeededReferenceNarrowed() {
        CheckedNetwork checked = twoDropoutLayers(FIRST_RATE, SECOND_RATE);
        float[] parameters = narrow(Networks.randomParameters(checked, new Random(10)));
        ReferenceNetwork reference = new ReferenceNetwork(checked, parameters);
        float[] gradient = new float[parameters.length];

        float loss = new TrainableReference(checked)
                .lossAndGradient(parameters, flatten(BATCH), flatten(TARGETS), BATCH.length, gradient, SEED);

        assertEquals((float) reference.loss(BATCH, TARGETS, SEED), loss);
        assertArrayEquals(narrow(reference.backward(BATCH, TARGETS, SEED)), gradient);
        assertNotEquals((float) reference.loss(BATCH, TARGETS), loss, "dropout was applied");
    }

    @Test
    void trainableReferenceWithoutASeedHasNoDropout() {
        CheckedNetwork checked = twoDropoutLayers(FIRST_RATE, SECOND_RATE);
        float[] parameters = narrow(Networks.randomParameters(checked, new Random(11)));
        ReferenceNetwork reference = new ReferenceNetwork(checked, parameters);
        float[] gradient = new float[parameters.length];

        float loss = new TrainableReference(checked)
                .lossAndGradient(parameters, flatten(BATCH), flatten(TARGETS), BATCH.length, gradient);

        assertEquals((float) reference.loss(BATCH, TARGETS), loss);
        assertArrayEquals(narrow(reference.backward(BATCH, TARGETS)), gradient);
    }

    /** input 3 -> hidden (4, linear, dropout {@value #FIRST_RATE}) -> out (1, linear), mean squared error. */
    private static CheckedNetwork linearThroughDropout() {
        return Networks.graph(
                Loss.MEAN_SQUARED_ERROR,
                3,
                List.of(
                        withDropout(dense("hidden", InputSpec.NAME, 4, Activation.LINEAR), FIRST_RATE),
                        dense("out", "hidden", 1, Activation.LINEAR)));
    }

    /**
     * Fails unless each output of {@code layer} (the {@code index}-th dense layer) is its activation times {@code 1 /
     * (1 - rate)} where {@link Dropout#kept} keeps it and zero where it drops it, and the mask does both.
     */
    private static void assertDroppedAsKeptSays(Tape tape, String layer, int index, double rate) {
        DMatrixRMaj a = tape.activation(layer);
        DMatrixRMaj output = tape.output(layer);
        int kept = 0;
        for (int row = 0; row < a.numRows; row++) {
            for (int unit = 0; unit < a.numCols; unit++) {
                boolean keep = Dropout.kept(SEED, index, row, unit, rate);
                double expected = keep ? a.get(row, unit) * (1.0 / (1.0 - rate)) : 0.0;
                // A delta of zero: exact, but a dropped negative activation may give -0.0.
                assertEquals(expected, output.get(row, unit), 0.0, layer + " [" + row + "][" + unit + "]");
                kept += keep ? 1 : 0;
            }
        }
        assertTrue(kept > 0 && kept < a.getNumElements(), layer + " keeps some outputs and drops others: " + kept);
    }

    /** The positions of the weights and bias of {@code unit} in the layer {@code entry}. */
    private static int[] parametersOf(ParameterLayout.Entry entry, int unit) {
        int[] indices = new int[entry.inputs() + 1];
        for (int input = 0; input < entry.inputs(); input++) {
            indices[input] = Math.toIntExact(entry.weights()) + unit * entry.inputs() + input;
        }
        indices[entry.inputs()] = Math.toIntExact(entry.bias()) + unit;
        return indices;
    }

    private static boolean awayFromZero(DMatrixRMaj values) {
        for (double value : values.data) {
            if (Math.abs(value) < KINK_MARGIN) {
                return false;
            }
        }
        return true;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static float[] flatten(double[][] rows) {
        float[] values = new float[rows.length * rows[0].length];
        for (int row = 0; row < rows.length; row++) {
            for (int i = 0; i < rows[row].length; i++) {
                values[row * rows[row].length + i] = (float) rows[row][i];
            }
        }
        return values;
    }

    private static float[] narrow(double[] values) {
        float[] narrow = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrow[i] = (float) values[i];
        }
        return narrow;
    }
}
