package dev.netc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.OneHot;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two sides of {@link TrainerOverheadBenchmark} do the same work: the hand-written loop over prebuilt batches and
 * {@code Trainer.fit} for one epoch end with bit-identical parameters, so their time difference is the trainer's own.
 */
class PrebuiltBatchesTest {

    private static final int SAMPLES = 320;
    private static final int BATCH_SIZE = 32;
    private static final long SEED = 5L;

    @Test
    void handWrittenLoopAndTrainerFitTrainTheSameParameters() throws ReflectiveOperationException {
        TrainableNetwork network = TrainerOverheadBenchmark.newDigitsNet();
        Dataset data = randomDigits(network.inputSize(), network.outputSize());
        float[] initial = network.initialParameters(42L);

        PrebuiltBatches batches = PrebuiltBatches.firstEpoch(data, BATCH_SIZE, SEED);
        float[] byLoop = initial.clone();
        batches.trainEpoch(network, TrainerOverheadBenchmark.sgd(), byLoop, new float[byLoop.length]);

        float[] byTrainer = initial.clone();
        Trainer.of(network)
                .optimizer(TrainerOverheadBenchmark.sgd())
                .batchSize(BATCH_SIZE)
                .seed(SEED)
                .progress(Progress.silent())
                .fit(byTrainer, data);

        assertEquals(SAMPLES / BATCH_SIZE, batches.count());
        assertFalse(Arrays.equals(initial, byLoop), "the hand-written loop left the parameters unchanged");
        assertArrayEquals(byTrainer, byLoop);
    }

    /** Random pixels in [0, 1) with random one-hot labels. */
    private static Dataset randomDigits(int inputSize, int classes) {
        SplittableRandom random = new SplittableRandom(11L);
        float[] features = new float[SAMPLES * inputSize];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextDouble();
        }
        float[] labels = new float[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            labels[s] = random.nextInt(classes);
        }
        Dataset data = Dataset.ofClasses(features, new int[] {inputSize}, labels, classes);
        return OneHot.fit(data).apply(data);
    }
}
