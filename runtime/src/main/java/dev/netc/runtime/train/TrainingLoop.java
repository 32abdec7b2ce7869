package dev.netc.runtime.train;

import dev.netc.runtime.Dropout;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Batch;
import dev.netc.runtime.data.BatchIterator;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.io.CheckpointEarlyStopping;
import dev.netc.runtime.io.CheckpointHistory;
import dev.netc.runtime.io.CheckpointProgress;
import dev.netc.runtime.io.CheckpointProgress.EpochTotals;
import dev.netc.runtime.io.SavedTransform;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.GradientClipping;
import dev.netc.runtime.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * One training run: epochs of mini-batch steps, each step {@code lossAndGradient}, optional clipping, the optimizer's
 * update and the non-finite checks; the figures at each epoch's end; the callbacks in between.
 *
 * <p>Everything a step touches is made in the constructor (the batch buffer, the gradient, the callback array) or by
 * the first step (the optimizer's buffers), so that steps after the first epoch allocate nothing. Per step the loop
 * adds to the network's and optimizer's work one check of the loss, one pass over the parameters for non-finite
 * values, and the callbacks' batch hooks.
 *
 * <p>A run resumed from a {@link Checkpoint} starts from its parameters, optimizer state, history and early-stopping
 * state at its epoch and batch, with the epoch's running sums, and so takes exactly the steps the interrupted run
 * would have taken.
 *
 * <p>An interrupt of the training thread stops the run at the next batch boundary: after the batch in progress and
 * its callbacks (or the epoch's end and its callbacks), with the parameters of that boundary, by a {@link
 * CancellationException} that goes through the callbacks' {@code trainingFailed} (an interrupt during the last
 * epoch's end lets the run finish). The interrupt status is cleared
 * while the callbacks run, because a checkpoint written through an interruptible {@code FileChannel} would otherwise
 * fail with {@code ClosedByInterruptException}, and set again before the exception, for the caller to see. So a
 * checkpoint due at the last batch is written, and holds exactly the parameters training stopped with.
 */
final class TrainingLoop {

    private final TrainingPlan plan;
    private final TrainableNetwork network;
    private final Optimizer optimizer;
    private final float[] parameters;
    private final float[] gradient;
    /** The training data's class names, which checkpoints record with the weights. */
    private final List<String> classNames;

    private final BatchIterator batches;
    private final Batch batch;
    private final Callback[] callbacks;
    private final Evaluator trainingEvaluator;
    private final Evaluator validationEvaluator;
    private final History history;
    private final TrainingRun run;
    private final Divergence divergence;
    private final EpochSnapshot snapshot;
    private final boolean clipping;
    private final int samplesPerEpoch;
    private final List<EarlyStopping> earlyStopping;

    private double lossSum;
    private long samples;
    private double normSum;
    private double normMax;
    private int steps;

    /** The batch at which the current epoch's snapshot was taken: 0, or where a resumed run started. */
    private int snapshotBatch;

    /**
     * @param parameters trained in place
     * @param train the training data, already checked against the network
     * @param validation the validation data, or null
     */
    TrainingLoop(TrainingPlan plan, float[] parameters, Dataset train, Dataset validation) {
        this.plan = plan;
        this.network = plan.network();
        this.optimizer = plan.optimizer();
        this.parameters = parameters;
        this.gradient = new float[parameters.length];
        this.classNames = train.classNames();
        BatchIterator.Builder builder = BatchIterator.builder(train, plan.batchSize());
        if (plan.shuffle()) {
            builder.shuffle(plan.seed());
        }
        this.batches = builder.build();
        this.batch = batches.newBatch();
        this.callbacks = plan.callbacks().toArray(new Callback[0]);
        boolean measureTraining = plan.trainingMetrics() && !plan.metrics().isEmpty();
        this.trainingEvaluator = measureTraining ? new Evaluator(network, train, plan.metrics()) : null;
        this.validationEvaluator = validation == null ? null : new Evaluator(network, validation, plan.metrics());
        this.clipping = plan.clipNorm() > 0;
        this.history = new History(figureNames(plan, measureTraining, validation != null, clipping));
        this.run = new TrainingRun(
                network,
                parameters,
                optimizer,
                history,
                higherIsBetter(plan.metrics()),
                plan.epochs(),
                batches.batchesPerEpoch(),
                plan.architecture().isPresent() ? this::checkpoint : null);
        this.divergence = new Divergence(plan.names(), train, history, plan.epochs(), batches.batchesPerEpoch());
        this.snapshot = new EpochSnapshot(parameters.length);
        this.samplesPerEpoch = train.size();
        this.earlyStopping = new ArrayList<>();
        for (Callback callback : callbacks) {
            if (callback instanceof EarlyStopping stopping) {
                earlyStopping.add(stopping);
            }
        }
        plan.resume()
                .ifPresent(checkpoint -> Resumption.check(
                        checkpoint, plan, samplesPerEpoch, batches.batchesPerEpoch(), history.names(), earlyStopping));
    }

    /** Trains every epoch, or until a callback stops; the parameters end trained. */
    History run() {
        Optional<Checkpoint> resume = plan.resume();
        resume.ifPresent(this::restoreRun);
        for (Callback callback : callbacks) {
            callback.trainingStarted(run);
        }
        resume.ifPresent(checkpoint -> {
            for (int i = 0; i < earlyStopping.size(); i++) {
                earlyStopping.get(i).restore(checkpoint.earlyStopping().get(i));
            }
        });
        int first = resume.map(checkpoint -> checkpoint.progress().epoch()).orElse(0);
        try {
            for (int epoch = first; epoch < plan.epochs() && run.stopReason().isEmpty(); epoch++) {
                CheckpointProgress at =
                        epoch == first ? resume.map(Checkpoint::progress).orElse(null) : null;
                runEpoch(epoch, at == null ? 0 : at.batch(), at == null ? EpochTotals.NONE : at.totals());
            }
        } catch (RuntimeException failure) {
            for (Callback callback : callbacks) {
                callback.trainingFailed(run, failure);
            }
            throw failure;
        }
        for (Callback callback : callbacks) {
            callback.trainingEnded(run);
        }
        return history;
    }

    /**
     * Runs epoch {@code epoch} from batch {@code firstBatch}, {@code totals} being the sums of the batches before it.
     * The schedule is applied only at the epoch's start: a run resumed within an epoch has the rate in force in its
     * optimizer state.
     */
    private void runEpoch(int epoch, int firstBatch, EpochTotals totals) {
        if (firstBatch == 0) {
            plan.schedule().ifPresent(schedule -> schedule.apply(optimizer, epoch));
        }
        run.startEpoch(epoch);
        for (Callback callback : callbacks) {
            callback.epochStarted(run);
        }
        snapshot.take(parameters, optimizer);
        snapshotBatch = firstBatch;
        double learningRate = optimizer.learningRate();
        lossSum = totals.lossSum();
        samples = totals.lossSamples();
        normSum = totals.normSum();
        normMax = totals.normMax();
        steps = totals.steps();
        batches.startEpoch(epoch, firstBatch);
        while (batches.next(batch)) {
            run.atBatch(batch.index());
            float loss = step(epoch);
            lossSum += (double) loss * batch.size();
            samples += batch.size();
            boolean interrupted = Thread.interrupted();
            try {
                for (Callback callback : callbacks) {
                    callback.batchEnded(run, loss);
                }
            } finally {
                restoreInterrupt(interrupted);
            }
            stopIfInterrupted(epoch, batch.index());
        }
        Map<String, Double> figures = Collections.unmodifiableMap(epochFigures(learningRate));
        history.add(figures);
        boolean interrupted = Thread.interrupted();
        try {
            for (Callback callback : callbacks) {
                callback.epochEnded(run, figures);
            }
        } finally {
            restoreInterrupt(interrupted);
        }
        if (epoch + 1 < plan.epochs()) {
            stopIfInterrupted(epoch, batches.batchesPerEpoch() - 1);
        }
    }

    private static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Throws if the training thread was interrupted, at the boundary after batch {@code finished} (0-based) of epoch
     * {@code epoch}. Checks without clearing the interrupt status.
     */
    private void stopIfInterrupted(int epoch, int finished) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException(String.format(
                    Locale.ROOT,
                    "training interrupted after epoch %d/%d, batch %d/%d; the parameters are those after that batch",
                    epoch + 1,
                    plan.epochs(),
                    finished + 1,
                    batches.batchesPerEpoch()));
        }
    }

    /** One update on the current batch; returns its loss. */
    private float step(int epoch) {
        float loss = lossAndGradient(epoch);
        if (!Float.isFinite(loss)) {
            throw divergence.loss(epoch, batch, loss, optimizer.learningRate());
        }
        if (clipping) {
            double norm = GradientClipping.clipByGlobalNorm(gradient, plan.clipNorm());
            if (!Double.isFinite(norm)) {
                throw divergence.gradient(epoch, batch.index(), gradient);
            }
            normSum += norm;
            normMax = Math.max(normMax, norm);
        }
        steps++;
        optimizer.step(parameters, gradient);
        int bad = Divergence.firstNonFinite(parameters);
        if (bad >= 0) {
            int failed = batch.index();
            TrainingDivergedException diverged =
                    divergence.parameter(epoch, failed, bad, parameters[bad], gradient, optimizer.learningRate());
            replay(epoch, failed);
            throw diverged;
        }
        return loss;
    }

    /**
     * Restores the epoch's snapshot and redoes its steps up to batch {@code count}: the parameters before batch {@code
     * count}.
     */
    private void replay(int epoch, int count) {
        snapshot.restore(parameters, optimizer);
        batches.startEpoch(epoch, snapshotBatch);
        for (int i = snapshotBatch; i < count && batches.next(batch); i++) {
            lossAndGradient(epoch);
            if (clipping) {
                GradientClipping.clipByGlobalNorm(gradient, plan.clipNorm());
            }
            optimizer.step(parameters, gradient);
        }
    }

    /**
     * The current batch's loss and gradient, with dropout masks of the step's own: drawn from the run's seed, the
     * epoch and the batch, so that a resumed or replayed step draws the masks it drew before.
     */
    private float lossAndGradient(int epoch) {
        long dropoutSeed = Dropout.stepSeed(plan.seed(), epoch, batch.index());
        return network.lossAndGradient(
                parameters, batch.features(), batch.targets(), batch.size(), gradient, dropoutSeed);
    }

    /** Puts the checkpoint's parameters, optimizer state, history and stop reason in place of this run's. */
    private void restoreRun(Checkpoint checkpoint) {
        System.arraycopy(checkpoint.parameters(), 0, parameters, 0, parameters.length);
        optimizer.restore(checkpoint.optimizer());
        CheckpointHistory saved = checkpoint.history();
        for (List<Double> values : saved.epochs()) {
            Map<String, Double> figures = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                figures.put(saved.names().get(i), values.get(i));
            }
            history.add(figures);
        }
        saved.stopReason().ifPresent(run::stop);
    }

    /** The run as it stands, after a batch or at the end of an epoch (see {@link TrainingRun.Capture}). */
    private Checkpoint checkpoint(boolean epochEnded, List<SavedTransform> preprocessing) {
        int epoch = run.epoch();
        CheckpointProgress progress = new CheckpointProgress(
                epochEnded ? epoch + 1 : epoch,
                epochEnded ? 0 : run.batch() + 1,
                plan.epochs(),
                batches.batchesPerEpoch(),
                plan.batchSize(),
                samplesPerEpoch,
                plan.shuffle(),
                plan.seed(),
                plan.schedule().isPresent() ? epoch : -1,
                epochEnded ? EpochTotals.NONE : new EpochTotals(lossSum, samples, normSum, normMax, steps));
        List<List<Double>> figures = new ArrayList<>();
        for (int i = 0; i < history.epochs(); i++) {
            figures.add(List.copyOf(history.epoch(i).values()));
        }
        List<CheckpointEarlyStopping> stopping = new ArrayList<>();
        earlyStopping.forEach(callback -> stopping.add(callback.state()));
        return Checkpoint.of(
                WeightFile.of(plan.architecture().orElseThrow(), parameters, preprocessing)
                        .withClassesOf(classNames),
                optimizer.state(),
                progress,
                new CheckpointHistory(history.names(), figures, run.stopReason()),
                stopping);
    }

    private Map<String, Double> epochFigures(double learningRate) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put(Figures.LOSS, lossSum / samples);
        if (trainingEvaluator != null) {
            figures.putAll(trainingEvaluator.evaluate(parameters, "", false));
        }
        if (validationEvaluator != null) {
            figures.putAll(validationEvaluator.evaluate(parameters, Figures.VALIDATION_PREFIX, true));
        }
        figures.put(Figures.LEARNING_RATE, learningRate);
        if (clipping) {
            figures.put(Figures.GRADIENT_NORM, normSum / steps);
            figures.put(Figures.GRADIENT_NORM_MAX, normMax);
        }
        return figures;
    }

    private static List<String> figureNames(
            TrainingPlan plan, boolean measureTraining, boolean validation, boolean clipping) {
        List<String> names = new ArrayList<>();
        names.add(Figures.LOSS);
        if (measureTraining) {
            plan.metrics().forEach(metric -> names.add(metric.name()));
        }
        if (validation) {
            names.add(Figures.VALIDATION_PREFIX + Figures.LOSS);
            plan.metrics().forEach(metric -> names.add(Figures.VALIDATION_PREFIX + metric.name()));
        }
        names.add(Figures.LEARNING_RATE);
        if (clipping) {
            names.add(Figures.GRADIENT_NORM);
            names.add(Figures.GRADIENT_NORM_MAX);
        }
        return names;
    }

    private static Set<String> higherIsBetter(List<Metric> metrics) {
        Set<String> names = new HashSet<>();
        for (Metric metric : metrics) {
            if (metric.higherIsBetter()) {
                names.add(metric.name());
                names.add(Figures.VALIDATION_PREFIX + metric.name());
            }
        }
        return names;
    }
}
