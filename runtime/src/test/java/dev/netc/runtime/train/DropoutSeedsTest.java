package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.runtime.Dropout;
import dev.netc.runtime.ForwardingTrainableNetwork;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.reference.TrainableReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training loop asks for each step's loss and gradient with dropout, with a seed of the step's own drawn from the
 * run's seed, the epoch and the batch ({@link Dropout#stepSeed}); replaying an epoch after a divergence draws them
 * again.
 */
class DropoutSeedsTest {

    private static final long RUN_SEED = 17L;

    @Test
    void everyStepHasTheSeedOfItsEpochAndBatch() {
        Recording network = new Recording(new TrainableReference(TrainingData.classifierWithDropout()));
        Trainer.of(network)
                .describedBy(TrainingData.classifierWithDropout())
                .batchSize(10)
                .epochs(3)
                .seed(RUN_SEED)
                .progress(Progress.silent())
                .fit(network.initialParameters(3), TrainingData.halves(40, 5));
        List<Long> expected = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            for (int batch = 0; batch < 4; batch++) {
                expected.add(Dropout.stepSeed(RUN_SEED, epoch, batch));
            }
        }
        assertEquals(expected, network.seeds);
        assertEquals(12, new HashSet<>(network.seeds).size(), "every step draws masks of its own");
    }

    /** The network it wraps, recording the dropout seed of each call. */
    private static final class Recording extends ForwardingTrainableNetwork {
        final List<Long> seeds = new ArrayList<>();

        Recording(TrainableNetwork network) {
            super(network);
        }

        @Override
        public float lossAndGradient(
                float[] parameters, float[] inputs, float[] targets, int count, float[] gradient, long dropoutSeed) {
            seeds.add(dropoutSeed);
            return super.lossAndGradient(parameters, inputs, targets, count, gradient, dropoutSeed);
        }
    }
}
