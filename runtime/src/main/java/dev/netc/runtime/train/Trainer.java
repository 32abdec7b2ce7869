package dev.netc.runtime.train;

import dev.netc.Optimizer.Kind;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Split;
import dev.netc.runtime.data.Splits;
import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Checkpoint;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.optim.Schedule;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Trains a generated network (or any {@link TrainableNetwork}) on a {@link Dataset}: epochs of shuffled
 * mini-batches, an optimizer step per batch, figures per epoch in a {@link History}, callbacks and progress. Set what
 * differs from the defaults, then {@link #fit}; the parameters are trained in place. The three workloads netc was
 * written for:
 *
 * <pre>{@code
 * // XOR (inputs x, y, x*y; sigmoid; one sample per step; the rate annealed to sharpen the boundary)
 * float[] p = XorNet.newParameters(1L);
 * Trainer.of(new XorNet())
 *         .optimizer(Sgd.builder().learningRate(0.5).build())
 *         .schedule(Schedule.cosine(200, 0))
 *         .batchSize(1)
 *         .epochs(200)
 *         .metrics(Metric.accuracy())
 *         .fit(p, xor);
 *
 * // Iris (softmax, categorical cross-entropy; per-sample SGD at 0.01 for 500 epochs; 30% held out)
 * Split split = Splits.stratified(iris, 0.3, 42L);
 * OneHot oneHot = OneHot.fit(split.train());
 * Trainer trainer = Trainer.of(new IrisNet())
 *         .optimizer(Sgd.builder().learningRate(0.01).build())
 *         .batchSize(1)
 *         .epochs(500)
 *         .metrics(Metric.accuracy());
 * float[] p = IrisNet.newParameters(42L);
 * History history = trainer.fit(p, oneHot.apply(split.train()));
 * Evaluation test = trainer.evaluate(p, oneHot.apply(split.test()));   // test.get("accuracy")
 *
 * // Digits (784-512-256-128-10, ReLU, He initialisation from the spec; mini-batches of 32)
 * float[] p = DigitsNet.newParameters(42L);                             // he_normal, as the spec says
 * Trainer.of(new DigitsNet())
 *         .optimizer(Sgd.builder().learningRate(0.01).momentum(0.9).build())
 *         .batchSize(32)
 *         .epochs(20)
 *         .validation(oneHot.apply(test))
 *         .metrics(Metric.accuracy())
 *         .callbacks(EarlyStopping.on("val_accuracy").patience(3))
 *         .fit(p, oneHot.apply(train));
 * }</pre>
 *
 * <p><b>Defaults</b>, Keras' where Keras has one: the epochs and batch size the spec states ({@link
 * TrainableNetwork#statedTraining()}), else 1 epoch and batches of 32 (a larger batch than the data set is the whole
 * set: {@link #fullBatch()}); a fresh shuffle every epoch from seed 0; no validation; no metric (the loss is
 * always reported); no clipping, no schedule; progress by {@link Progress#auto()}. The optimizer defaults to the one
 * the spec states (that of the checked network the trainer is {@linkplain #describedBy described} by, else the
 * generated class's {@link TrainableNetwork#statedOptimizer()}), otherwise to {@code sgd} with its defaults (learning
 * rate 0.01); a default optimizer is made afresh for each fit, while one passed to {@link #optimizer} is used as it
 * is, so that a second fit continues its momentum as a PyTorch optimizer would.
 *
 * <p><b>Determinism.</b> The shuffles and the validation split derive from the seed alone, the network and optimizers
 * compute in a fixed order, and nothing depends on timing: the same parameters, data, seed and settings give
 * bit-identical parameters, in one JVM or two.
 *
 * <p><b>Divergence.</b> Every step checks the loss and, after the update, every parameter. When either becomes NaN or
 * infinite, training stops with a {@link TrainingDivergedException} naming the epoch and batch (and the layer, or the
 * input sample with the NaN), and the parameters are left as they were before that batch.
 *
 * <p><b>Checkpoints.</b> A {@link CheckpointCallback} saves the run's whole state as it goes, and {@link #resume}
 * continues from it, in this JVM or another: the parameters then end bit-identical to an uninterrupted run's.
 *
 * <p>A trainer is a mutable set of options, not thread-safe; {@code fit} and {@code evaluate} may be called any number
 * of times.
 */
public final class Trainer {

    private static final int DEFAULT_EPOCHS = 1;
    private static final int DEFAULT_BATCH_SIZE = 32;

    private final TrainableNetwork network;
    private CheckedNetwork checked;
    private Optimizer optimizer;
    private Schedule schedule;
    private double clipNorm;
    /** Set by {@link #epochs}; null for the spec's, else {@value #DEFAULT_EPOCHS}. */
    private Integer epochs;
    /** Set by {@link #batchSize}; null for the spec's, else {@value #DEFAULT_BATCH_SIZE}. */
    private Integer batchSize;

    private boolean shuffle = true;
    private long seed;
    private Dataset validation;
    private double validationFraction;
    private List<Metric> metrics = List.of();
    private boolean trainingMetrics = true;
    private List<Callback> callbacks = List.of();
    private Progress progress = Progress.auto();

    private Trainer(TrainableNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** A trainer for {@code network} with the defaults above. */
    public static Trainer of(TrainableNetwork network) {
        return new Trainer(network);
    }

    /**
     * The checked network {@code network} was generated from: data is then checked against the loss (class indices
     * for sparse categorical cross-entropy). A generated class needs nothing more: it states its architecture, for
     * checkpoints and for divergence messages that name layers ({@code dense1.weight[3, 2]}), and its spec's
     * optimizer and training defaults. For a network written by hand the checked network gives them.
     *
     * @throws IllegalArgumentException if its sizes are not the network's
     */
    public Trainer describedBy(CheckedNetwork network) {
        if (network.layout().count() != this.network.parameterCount()
                || network.inputSize() != this.network.inputSize()
                || network.outputSize() != this.network.outputSize()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "network %s has %d inputs, %d outputs and %d parameters, but the trained network has %d, %d"
                            + " and %d",
                    network.spec().name(),
                    network.inputSize(),
                    network.outputSize(),
                    network.layout().count(),
                    this.network.inputSize(),
                    this.network.outputSize(),
                    this.network.parameterCount()));
        }
        this.checked = network;
        return this;
    }

    /** The update rule, used as it is: its state carries over from one fit to the next. */
    public Trainer optimizer(Optimizer rule) {
        this.optimizer = Objects.requireNonNull(rule, "optimizer");
        return this;
    }

    /** A learning-rate schedule, applied at the start of every epoch (default: none, the optimizer's rate). */
    public Trainer schedule(Schedule rateSchedule) {
        this.schedule = Objects.requireNonNull(rateSchedule, "schedule");
        return this;
    }

    /**
     * Clips each step's gradient to a global L2 norm of {@code maxNorm} ({@code clip_grad_norm_}); the history then
     * reports {@code gradient_norm} and {@code gradient_norm_max}, the norms before clipping.
     *
     * @throws IllegalArgumentException unless {@code maxNorm} is finite and positive
     */
    public Trainer clipGradientNorm(double maxNorm) {
        if (!(Double.isFinite(maxNorm) && maxNorm > 0)) {
            throw new IllegalArgumentException("clipGradientNorm: expected a finite positive norm, found " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /**
     * The number of passes over the training data.
     *
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public Trainer epochs(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("epochs: expected at least 1, found " + count);
        }
        this.epochs = count;
        return this;
    }

    /**
     * Samples per step, from 1 (per-sample SGD) upwards; a size above the training set's takes the whole set. The
     * last batch of an epoch is smaller when the size does not divide the set.
     *
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public Trainer batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batchSize: expected at least 1, found " + size);
        }
        this.batchSize = size;
        return this;
    }

    /** One step per epoch over the whole training set (batch gradient descent). */
    public Trainer fullBatch() {
        return batchSize(Integer.MAX_VALUE);
    }

    /** Whether each epoch takes the samples in a fresh order drawn from the seed (default true). */
    public Trainer shuffle(boolean reorder) {
        this.shuffle = reorder;
        return this;
    }

    /** The seed of the shuffles and of the validation split (default 0). */
    public Trainer seed(long value) {
        this.seed = value;
        return this;
    }

    /** Data to report {@code val_loss} and {@code val_<metric>} on after each epoch; replaces a validation split. */
    public Trainer validation(Dataset data) {
        this.validation = Objects.requireNonNull(data, "validation");
        this.validationFraction = 0;
        return this;
    }

    /**
     * Holds out {@code fraction} of the training data for validation, drawn from the seed: stratified by class for
     * class-labelled data ({@link Splits#stratified}), at random otherwise. Replaces a validation set.
     *
     * @throws IllegalArgumentException unless {@code 0 < fraction < 1}
     */
    public Trainer validationSplit(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(
                    "validationSplit: expected a fraction between 0 and 1, found " + fraction);
        }
        this.validationFraction = fraction;
        this.validation = null;
        return this;
    }

    /**
     * The metrics to report each epoch, on the training data (see {@link #trainingMetrics}) and on validation data,
     * and by {@link #evaluate}. Replaces those set before.
     *
     * @throws IllegalArgumentException if two have the same name
     */
    public Trainer metrics(Metric... chosen) {
        List<Metric> list = List.of(chosen);
        Set<String> names = new HashSet<>();
        for (Metric metric : list) {
            if (!names.add(metric.name()) || metric.name().equals(Figures.LOSS)) {
                throw new IllegalArgumentException("metrics: two figures would be named " + metric.name());
            }
        }
        this.metrics = list;
        return this;
    }

    /**
     * Whether to measure the metrics on the training data at the end of each epoch (default true). That costs one
     * forward pass over the training data per epoch; the loss is reported either way, as the running mean of the
     * epoch's batch losses.
     */
    public Trainer trainingMetrics(boolean measure) {
        this.trainingMetrics = measure;
        return this;
    }

    /**
     * The callbacks, called in this order, except that {@link CheckpointCallback}s come after the others; replaces
     * those set before.
     */
    public Trainer callbacks(Callback... chosen) {
        this.callbacks = List.of(chosen);
        return this;
    }

    /** How to show progress (default {@link Progress#auto()}); {@link Progress#silent()} for none. */
    public Trainer progress(Progress reporter) {
        this.progress = Objects.requireNonNull(reporter, "progress");
        return this;
    }

    /**
     * Trains {@code parameters} on {@code train}.
     *
     * @param parameters the network's parameters (modified: trained in place; the last good ones if training
     *     diverges)
     * @return every epoch's figures
     * @throws IllegalArgumentException if the parameters, data or metrics do not fit the network, or a callback
     *     refuses the run (early stopping on a figure that is not reported)
     * @throws TrainingDivergedException if the loss or a parameter becomes NaN or infinite
     * @throws dev.netc.runtime.data.DataException if a validation split would leave a part empty
     * @throws java.util.concurrent.CancellationException if the thread is interrupted: training stops at the next
     *     batch boundary, the interrupt status left set
     */
    public History fit(float[] parameters, Dataset train) {
        return train(parameters, train, Optional.empty());
    }

    /**
     * Continues the run {@code checkpoint} was taken from, at its epoch and batch, with its optimizer state, history
     * and early-stopping state, and trains to the end: the parameters end bit-identical to those of the run that was
     * interrupted, had it gone on. This trainer must be set up as that run's was (see {@code docs/training.md}); the
     * data must be the same. The number of epochs may be larger, to train on.
     *
     * @param parameters overwritten with the checkpoint's, then trained in place
     * @return every epoch's figures, those before the checkpoint included
     * @throws IllegalArgumentException listing every way this training differs from the checkpoint's that would change
     *     its steps (network, optimizer kind, batch size, data size, seed, schedule, figures, early stopping), before
     *     anything is modified; or as {@link #fit}
     * @throws TrainingDivergedException as {@link #fit}
     */
    public History resume(Checkpoint checkpoint, float[] parameters, Dataset train) {
        return train(parameters, train, Optional.of(checkpoint));
    }

    private History train(float[] parameters, Dataset train, Optional<Checkpoint> resume) {
        requireParameters(parameters);
        Dataset fitOn = train;
        Dataset validationSet = validation;
        if (validationFraction > 0) {
            Split split = train.classCount() > 0
                    ? Splits.stratified(train, validationFraction, seed)
                    : Splits.shuffled(train, validationFraction, seed);
            fitOn = split.train();
            validationSet = split.test();
        }
        DataFit.check("training data", fitOn, network, checked);
        if (validationSet != null) {
            DataFit.check("validation data", validationSet, network, checked);
        }
        requireMetrics(fitOn);
        List<Callback> all = new ArrayList<>();
        callbacks.stream().filter(c -> !(c instanceof CheckpointCallback)).forEach(all::add);
        callbacks.stream().filter(CheckpointCallback.class::isInstance).forEach(all::add);
        all.add(progress);
        Optional<Architecture> architecture =
                checked == null ? network.architecture() : Optional.of(Architecture.of(checked));
        TrainingPlan plan = new TrainingPlan(
                network,
                new ParameterNames(architecture),
                optimizer != null ? optimizer : defaultOptimizer(),
                Optional.ofNullable(schedule),
                clipNorm,
                epochs != null ? epochs : stated(TrainingSpec::epochs, DEFAULT_EPOCHS),
                Math.min(
                        batchSize != null ? batchSize : stated(TrainingSpec::batchSize, DEFAULT_BATCH_SIZE),
                        fitOn.size()),
                shuffle,
                seed,
                metrics,
                trainingMetrics,
                all,
                architecture,
                resume);
        return new TrainingLoop(plan, parameters, fitOn, validationSet).run();
    }

    /**
     * The loss and the metrics of {@code parameters} on {@code data}, e.g. a held-out test set.
     *
     * @param parameters not modified
     * @throws IllegalArgumentException if the parameters, data or metrics do not fit the network
     */
    public Evaluation evaluate(float[] parameters, Dataset data) {
        requireParameters(parameters);
        DataFit.check("evaluation data", data, network, checked);
        requireMetrics(data);
        return new Evaluation(new Evaluator(network, data, metrics).evaluate(parameters, "", true));
    }

    /**
     * The training default {@code option} of the spec (the checked network's the trainer is described by, else the
     * one the network states), or {@code fallback}.
     */
    private int stated(Function<TrainingSpec, OptionalInt> option, int fallback) {
        Optional<TrainingSpec> training =
                checked == null ? network.statedTraining() : checked.spec().training();
        return training.map(option)
                .filter(OptionalInt::isPresent)
                .map(OptionalInt::getAsInt)
                .orElse(fallback);
    }

    private Optimizer defaultOptimizer() {
        Optional<OptimizerSpec> stated =
                checked == null ? network.statedOptimizer() : checked.spec().optimizer();
        return Optimizer.of(stated.orElse(OptimizerSpec.defaults(Kind.SGD)));
    }

    private void requireParameters(float[] parameters) {
        if (parameters.length != network.parameterCount()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "parameters: expected %d values (the network's parameter count), found %d",
                    network.parameterCount(),
                    parameters.length));
        }
    }

    private void requireMetrics(Dataset data) {
        for (Metric metric : metrics) {
            metric.accumulator(network.outputSize(), data.targetWidth());
        }
    }
}
