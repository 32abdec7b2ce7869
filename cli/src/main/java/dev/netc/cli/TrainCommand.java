package dev.netc.cli;

import dev.netc.Loss;
import dev.netc.Optimizer.Kind;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.FeatureTransform;
import dev.netc.runtime.data.Split;
import dev.netc.runtime.data.Splits;
import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.SavedTransform;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.io.WeightFileException;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.train.Evaluation;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingDivergedException;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netc train SPEC --data FILE ... --out WEIGHTS}: compiles the spec's class in this JVM (the code a Maven build
 * gets), trains it on the data, prints one line per epoch and the test figures, and saves the weights with the fitted
 * preprocessing.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = NetcVersion.class,
        description = {
            "Trains the network of a YAML spec on CSV or IDX data and saves its weights.",
            "The spec's class is generated and compiled in this JVM: the same code a Maven build gets."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Trained and saved.",
            "1:The spec or the data has errors, training diverged, or the weights could not be written.",
            "2:Usage error."
        })
final class TrainCommand implements Callable<Integer> {

    private static final int DEFAULT_EPOCHS = 10;
    private static final int DEFAULT_BATCH = 32;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The YAML spec.")
    private String specFile;

    @Mixin
    private DataOptions data;

    @Option(names = "--test", paramLabel = "FILE", description = "Held-out data to evaluate after training.")
    private Path test;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "The IDX labels file of an IDX --test.")
    private Path testLabels;

    @Option(
            names = "--test-split",
            paramLabel = "F",
            description = "Hold out this fraction of --data (stratified by class, from --seed) as the test set.")
    private Double testSplit;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Passes over the data (default: the spec's, else " + DEFAULT_EPOCHS + ").")
    private Integer epochs;

    @Option(
            names = "--batch",
            paramLabel = "B",
            description = "Samples per step (default: the spec's, else " + DEFAULT_BATCH + ").")
    private Integer batch;

    @Option(
            names = "--optimizer",
            paramLabel = "KIND",
            description = "sgd, momentum, nesterov, rmsprop, adam or adamw (default: the spec's, else sgd).")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "R", description = "Learning rate (default: the optimizer's).")
    private Double learningRate;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the initial weights and the shuffling.")
    private long seed = 42L;

    @Mixin
    private Preprocessing preprocessing;

    @Mixin
    private TrainingOptions training;

    @Option(names = "--out", required = true, paramLabel = "WEIGHTS", description = "Where to save the weights.")
    private Path out;

    @Option(names = "--quiet", description = "Print no progress, only the final figures.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Optional<String> usage = usageError();
        if (usage.isPresent()) {
            err.println("netc train: " + usage.get());
            err.flush();
            return 2;
        }
        Optional<CheckedNetwork> checked = SpecCheck.readPrinting(specFile, err);
        if (checked.isEmpty()) {
            return CheckCommand.ERRORS_FOUND;
        }
        try {
            return train(checked.get(), stdout);
        } catch (DataException | WeightFileException | TrainingDivergedException | IllegalArgumentException e) {
            err.println("netc train: " + e.getMessage());
            err.flush();
            return CheckCommand.ERRORS_FOUND;
        }
    }

    private int train(CheckedNetwork network, PrintWriter stdout) throws WeightFileException {
        Dataset train = data.read(network, data.data, data.labels, List.of());
        Optional<Dataset> held = Optional.empty();
        if (testSplit != null) {
            Split split = isClassifier(network)
                    ? Splits.stratified(train, testSplit, seed)
                    : Splits.shuffled(train, testSplit, seed);
            train = split.train();
            held = Optional.of(split.test());
        } else if (test != null) {
            // numbered as the training data: a test file without some class would otherwise shift the others
            held = Optional.of(data.read(network, test, testLabels, train.classNames()));
        }
        train = DataOptions.shape(network, train);
        Optional<FeatureTransform> transform = preprocessing.fit(train);
        List<FeatureTransform> transforms = transform.map(List::of).orElse(List.of());
        train = Preprocessing.apply(transforms, train);

        List<SavedTransform> saved =
                transform.map(Preprocessing::save).map(List::of).orElse(List.of());

        TrainingSpec stated = network.spec().training().orElse(TrainingSpec.NONE);
        int epochs = this.epochs != null ? this.epochs : stated.epochs().orElse(DEFAULT_EPOCHS);
        int batch = this.batch != null ? this.batch : stated.batchSize().orElse(DEFAULT_BATCH);
        TrainableNetwork net = InMemoryCompiler.load(network, specFile);
        float[] parameters = net.initialParameters(seed);
        Trainer trainer = Trainer.of(net)
                .describedBy(network)
                .optimizer(Optimizer.of(optimizerSpec(network)))
                .epochs(epochs)
                .batchSize(batch)
                .seed(seed)
                .progress(quiet ? Progress.silent() : Progress.auto());
        if (isClassifier(network)) {
            trainer.metrics(Metric.accuracy());
        }
        training.apply(trainer, epochs, saved);
        training.writeHistory(training.run(trainer, parameters, train));

        if (held.isPresent()) {
            Dataset shaped = Preprocessing.apply(transforms, DataOptions.shape(network, held.get()));
            Evaluation evaluation = trainer.evaluate(parameters, shaped);
            stdout.printf(Locale.ROOT, "test (%d samples):%n", shaped.size());
            stdout.print(evaluation.format());
        }
        // the class names, for evaluate and predict to number labels alike
        WeightFile.of(Architecture.of(network), parameters, saved)
                .withClassesOf(train.classNames())
                .save(out);
        stdout.println("saved " + out);
        stdout.flush();
        return 0;
    }

    /** The spec's optimizer, or SGD, with {@code --optimizer} and {@code --lr} applied. */
    private OptimizerSpec optimizerSpec(CheckedNetwork network) {
        OptimizerSpec chosen = network.spec().optimizer().orElse(OptimizerSpec.defaults(Kind.SGD));
        if (optimizer != null) {
            chosen = OptimizerSpec.defaults(Kind.valueOf(optimizer.toUpperCase(Locale.ROOT)));
        }
        if (learningRate != null) {
            chosen = chosen.with(OptimizerSpec.LEARNING_RATE, learningRate);
        }
        return chosen;
    }

    private Optional<String> usageError() {
        if (optimizer != null) {
            try {
                Kind.valueOf(optimizer.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Optional.of(
                        "--optimizer must be one of sgd, momentum, nesterov, rmsprop, adam, adamw; found " + optimizer);
            }
        }
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            return Optional.of("--lr must be a finite positive number, found " + learningRate);
        }
        if (epochs != null && epochs < 1) {
            return Optional.of("--epochs must be at least 1, found " + epochs);
        }
        if (batch != null && batch < 1) {
            return Optional.of("--batch must be at least 1, found " + batch);
        }
        if (testSplit != null && (test != null || !(testSplit > 0 && testSplit < 1))) {
            return Optional.of("--test-split takes a fraction between 0 and 1, and goes without --test");
        }
        if (preprocessing.chosen() > 1) {
            return Optional.of("choose at most one of --standardize, --minmax and --scale");
        }
        if (test != null && (data.labels == null) != (testLabels == null)) {
            return Optional.of("an IDX --data needs an IDX --test with --test-labels, and a CSV --data a CSV --test");
        }
        return training.usageError();
    }

    static boolean isClassifier(CheckedNetwork network) {
        Loss loss = network.spec().loss();
        return loss != Loss.MEAN_SQUARED_ERROR && loss != Loss.MEAN_ABSOLUTE_ERROR;
    }
}
