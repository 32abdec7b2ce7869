package dev.netc.runtime.train;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Batch;
import dev.netc.runtime.data.BatchIterator;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.GradientClipping;
import dev.netc.runtime.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One training run: epochs of mini-batch steps, each step {@code lossAndGradient}, optional clipping, the optimizer's
 * update and the non-finite checks; the figures at each epoch's end; the callbacks in between.
 *
 * <p>Everything a step touches is made in the constructor (the batch buffer, the gradient, the callback array) or by
 * the first step (the optimizer's buffers), so that steps after the first epoch allocate nothing. Per step the loop
 * adds to the network's and optimizer's work one check of the loss, one pass over the parameters for non-finite
 * values, and the callbacks' batch hooks.
 */
final class TrainingLoop {

    private final TrainingPlan plan;
    private final TrainableNetwork network;
    private final Optimizer optimizer;
    private final float[] parameters;
    private final float[] gradient;
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

    private double lossSum;
    private long samples;
    private double normSum;
    private double normMax;
    private int steps;

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
                batches.batchesPerEpoch());
        this.divergence = new Divergence(plan.names(), train, history, plan.epochs(), batches.batchesPerEpoch());
        this.snapshot = new EpochSnapshot(parameters.length);
    }

    /** Trains every epoch, or until a callback stops; the parameters end trained. */
    History run() {
        for (Callback callback : callbacks) {
            callback.trainingStarted(run);
        }
        try {
            for (int epoch = 0; epoch < plan.epochs() && run.stopReason().isEmpty(); epoch++) {
                runEpoch(epoch);
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

    private void runEpoch(int epoch) {
        plan.schedule().ifPresent(schedule -> schedule.apply(optimizer, epoch));
        run.startEpoch(epoch);
        for (Callback callback : callbacks) {
            callback.epochStarted(run);
        }
        snapshot.take(parameters, optimizer);
        double learningRate = optimizer.learningRate();
        lossSum = 0;
        samples = 0;
        normSum = 0;
        normMax = 0;
        steps = 0;
        batches.startEpoch(epoch);
        while (batches.next(batch)) {
            run.atBatch(batch.index());
            float loss = step(epoch);
            lossSum += (double) loss * batch.size();
            samples += batch.size();
            for (Callback callback : callbacks) {
                callback.batchEnded(run, loss);
            }
        }
        Map<String, Double> figures = Collections.unmodifiableMap(epochFigures(learningRate));
        history.add(figures);
        for (Callback callback : callbacks) {
            callback.epochEnded(run, figures);
        }
    }

    /** One update on the current batch; returns its loss. */
    private float step(int epoch) {
        float loss = network.lossAndGradient(parameters, batch.features(), batch.targets(), batch.size(), gradient);
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

    /** Restores the epoch's start and redoes its first {@code count} steps: the parameters before batch {@code count}. */
    private void replay(int epoch, int count) {
        snapshot.restore(parameters, optimizer);
        batches.startEpoch(epoch);
        for (int i = 0; i < count && batches.next(batch); i++) {
            network.lossAndGradient(parameters, batch.features(), batch.targets(), batch.size(), gradient);
            if (clipping) {
                GradientClipping.clipByGlobalNorm(gradient, plan.clipNorm());
            }
            optimizer.step(parameters, gradient);
        }
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
