package dev.netc.runtime.train;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.optim.Schedule;
import dev.netc.runtime.reference.TrainableReference;
import dev.netc.spec.CheckedNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run the resume tests interrupt and continue, in this JVM and in a child one: every part of the state a
 * checkpoint holds is in play (Adam's buffers and step counter, a cosine schedule, clipping's norms, the seeded
 * shuffle and validation split, dropout's masks, metrics, early stopping with its best parameters, a partial last
 * batch).
 */
final class ResumeScenario {

    /** With dropout, whose masks a resumed run must draw as the uninterrupted run did. */
    static final CheckedNetwork NETWORK = TrainingData.classifierWithDropout();

    /** 44 training samples after the stratified validation split, in batches of 7: 7 per epoch, the last of 2. */
    static final int BATCHES_PER_EPOCH = 7;

    static final int EPOCHS = 5;

    private ResumeScenario() {}

    static Dataset data() {
        return TrainingData.halves(60, 13);
    }

    static float[] initialParameters() {
        return new TrainableReference(NETWORK).initialParameters(21);
    }

    static Optimizer adam() {
        return Adam.builder().learningRate(0.05).build();
    }

    /** The trainer, with early stopping on {@code val_loss} and then {@code callbacks}. */
    static Trainer trainer(Optimizer optimizer, Callback... callbacks) {
        return trainer(new TrainableReference(NETWORK), optimizer, callbacks);
    }

    /** As {@link #trainer(Optimizer, Callback...)}, training {@code network}, a stand-in for the reference. */
    static Trainer trainer(TrainableNetwork network, Optimizer optimizer, Callback... callbacks) {
        return trainer(NETWORK, network, optimizer, callbacks);
    }

    /** As {@link #trainer(Optimizer, Callback...)}, training {@code network}, described by {@code checked}. */
    static Trainer trainer(
            CheckedNetwork checked, TrainableNetwork network, Optimizer optimizer, Callback... callbacks) {
        List<Callback> all = new ArrayList<>();
        all.add(EarlyStopping.on("val_loss").patience(10));
        all.addAll(List.of(callbacks));
        return Trainer.of(network)
                .describedBy(checked)
                .optimizer(optimizer)
                .schedule(Schedule.cosine(EPOCHS, 0.001))
                .clipGradientNorm(0.5)
                .batchSize(7)
                .epochs(EPOCHS)
                .seed(99)
                .validationSplit(0.25)
                .metrics(Metric.accuracy())
                .callbacks(all.toArray(new Callback[0]))
                .progress(Progress.silent());
    }

    /** Thrown by {@link #crashAfter} to interrupt a run, as a killed process would. */
    static final class Crash extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Crash(long step) {
            super("crash after step " + step);
        }
    }

    /** A callback that ends the run after step {@code step} of the run (1-based), before that step's checkpoint. */
    static Callback crashAfter(long step) {
        return new Callback() {
            @Override
            public void batchEnded(TrainingRun run, float loss) {
                if ((long) run.epoch() * run.batchesPerEpoch() + run.batch() + 1 == step) {
                    throw new Crash(step);
                }
            }
        };
    }
}
