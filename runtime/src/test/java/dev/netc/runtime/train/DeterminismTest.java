package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.reference.TrainableReference;
import org.junit.jupiter.api.Test;

/**
 * The same seed and settings give bit-identical parameters and histories: shuffles, the validation split, clipping
 * and the optimizer all depend on the seed and the data alone. (The processor module repeats this on a generated
 * class, in one JVM and across two.)
 */
class DeterminismTest {

    @Test
    void twoRunsWithOneSeedAgreeBitForBit() {
        float[] first = train();
        float[] second = train();

        assertArrayEquals(first, second);
    }

    @Test
    void theHistoriesAgreeToo() {
        TrainableReference network = new TrainableReference(TrainingData.classifier());
        String first = history(network).toCsv();
        String second = history(network).toCsv();

        assertEquals(6, first.lines().count() - 1, "a header and one line per epoch:\n" + first);
        assertEquals(first, second);
    }

    private static float[] train() {
        TrainableReference network = new TrainableReference(TrainingData.classifier());
        float[] parameters = network.initialParameters(21);
        history(network, parameters);
        return parameters;
    }

    private static History history(TrainableReference network) {
        return history(network, network.initialParameters(21));
    }

    private static History history(TrainableReference network, float[] parameters) {
        return Trainer.of(network)
                .optimizer(Adam.builder().learningRate(0.05).build())
                .clipGradientNorm(0.5)
                .batchSize(7)
                .epochs(6)
                .seed(99)
                .validationSplit(0.25)
                .metrics(Metric.accuracy())
                .progress(Progress.silent())
                .fit(parameters, TrainingData.halves(60, 13));
    }
}
