package dev.netc.benchmarks;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Batch;
import dev.netc.runtime.data.BatchIterator;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.optim.Optimizer;
import java.util.Arrays;

/**
 * One epoch of mini-batches copied out of a data set ahead of time, and the least code that trains on them: {@code
 * lossAndGradient} and {@link Optimizer#step} per batch, nothing else. This is the floor {@link
 * TrainerOverheadBenchmark} measures {@code Trainer.fit} against, so the batches are those the trainer's first epoch
 * takes: the same {@link BatchIterator}, shuffled from the same seed.
 */
final class PrebuiltBatches {

    private final float[][] features;
    private final float[][] targets;
    private final int[] sizes;

    private PrebuiltBatches(float[][] features, float[][] targets, int[] sizes) {
        this.features = features;
        this.targets = targets;
        this.sizes = sizes;
    }

    /**
     * The batches of epoch 0 of {@code data} in batches of {@code batchSize}, shuffled from {@code seed} as {@code
     * Trainer.seed(seed)} shuffles them.
     */
    static PrebuiltBatches firstEpoch(Dataset data, int batchSize, long seed) {
        BatchIterator iterator =
                BatchIterator.builder(data, batchSize).shuffle(seed).build();
        int count = iterator.batchesPerEpoch();
        float[][] features = new float[count][];
        float[][] targets = new float[count][];
        int[] sizes = new int[count];
        Batch batch = iterator.newBatch();
        iterator.startEpoch(0);
        for (int b = 0; iterator.next(batch); b++) {
            features[b] = Arrays.copyOf(batch.features(), batch.size() * batch.featureSize());
            targets[b] = Arrays.copyOf(batch.targets(), batch.size() * batch.targetWidth());
            sizes[b] = batch.size();
        }
        return new PrebuiltBatches(features, targets, sizes);
    }

    /** The number of batches in the epoch. */
    int count() {
        return sizes.length;
    }

    /**
     * One step per batch, in order.
     *
     * @param parameters trained in place (modified)
     * @param gradient scratch of the network's parameter count (overwritten)
     * @return the sum of the batches' losses, so that no work is dead code
     */
    float trainEpoch(TrainableNetwork network, Optimizer optimizer, float[] parameters, float[] gradient) {
        float losses = 0;
        for (int b = 0; b < sizes.length; b++) {
            losses += network.lossAndGradient(parameters, features[b], targets[b], sizes[b], gradient);
            optimizer.step(parameters, gradient);
        }
        return losses;
    }
}
