package dev.netc.runtime.train;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.optim.Schedule;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run of {@link TrainingLoop} needs, resolved from a {@link Trainer}'s settings: no defaults left to
 * apply, no option left to check.
 *
 * @param network the network to train
 * @param names names of parameters for messages
 * @param optimizer the update rule, used as it is (its state carries over)
 * @param schedule the learning-rate schedule, applied at each epoch's start; empty to leave the rate alone
 * @param clipNorm the largest global gradient norm let through, or 0 for no clipping
 * @param epochs the number of epochs
 * @param batchSize samples per step, at most the training set's size
 * @param shuffle whether each epoch takes the samples in a fresh seeded order
 * @param seed the seed of the shuffles
 * @param metrics the metrics to report each epoch
 * @param trainingMetrics whether to measure the metrics on the training data too, not only on validation data
 * @param callbacks the callbacks: the checkpoint callbacks after the others, then the progress reporter
 * @param architecture the network's architecture, which checkpoints record; empty when the trainer was not {@linkplain
 *     Trainer#describedBy described} by its checked network
 * @param resume the checkpoint to continue from; empty to start afresh
 */
record TrainingPlan(
        TrainableNetwork network,
        ParameterNames names,
        Optimizer optimizer,
        Optional<Schedule> schedule,
        double clipNorm,
        int epochs,
        int batchSize,
        boolean shuffle,
        long seed,
        List<Metric> metrics,
        boolean trainingMetrics,
        List<Callback> callbacks,
        Optional<Architecture> architecture,
        Optional<Checkpoint> resume) {}
