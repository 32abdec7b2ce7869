package dev.netc.benchmarks;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.IdxReader;
import dev.netc.runtime.data.OneHot;
import dev.netc.runtime.data.Scale;
import dev.netc.runtime.optim.Optimizer;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.train.History;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code Trainer.fit} adds to the generated training step: the issue asks for under 2% on the digits network.
 * Both benchmarks train the digits network (784-512-256-128-10, relu, softmax and categorical cross-entropy, generated
 * from {@code src/main/netc/digits}) with plain SGD for one epoch of the 8,000 MNIST training digits of {@code
 * data/mnist-10k}, in 250 batches of 32, from the same initial parameters and in the same shuffled order, so that
 * they do the same arithmetic and end with the same parameters ({@code PrebuiltBatchesTest} checks that):
 *
 * <ul>
 *   <li>{@link #handWrittenLoop}: the floor, {@code lossAndGradient} and {@code Optimizer.step} on batches copied out
 *       before the measurement;
 *   <li>{@link #trainerFit}: {@code Trainer.fit} for one epoch, progress silent and no metrics, so it adds only what
 *       every fit pays: the checks of the data, the batch copies, the non-finite checks of loss and parameters, the
 *       epoch snapshot and the history.
 * </ul>
 *
 * <p>Each iteration is one epoch (about 7 seconds on a 2-core machine; the first, while C2 compiles, is a warm-up),
 * reported per batch ({@link OperationsPerInvocation}); each starts from the initial parameters.
 * {@code -prof gc} gives the bytes allocated per batch: the trainer's are what one fit allocates, spread over its 250
 * batches. Run from the repository root, or pass {@code -p directory=.../mnist-10k}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@OperationsPerInvocation(TrainerOverheadBenchmark.BATCHES)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(3)
@State(Scope.Thread)
public class TrainerOverheadBenchmark {

    /** Batches in one epoch: 8,000 digits in batches of 32. */
    static final int BATCHES = 250;

    private static final int BATCH_SIZE = 32;
    private static final long SHUFFLE_SEED = 0L;

    /** The MNIST subset of the repository (8,000 training and 2,000 test digits). */
    @Param("data/mnist-10k")
    public String directory;

    private TrainableNetwork network;
    private float[] initial;
    private float[] parameters;
    private float[] gradient;
    private Dataset train;
    private PrebuiltBatches batches;
    private Optimizer loopOptimizer;
    private Trainer trainer;

    @Setup
    public void prepare() throws ReflectiveOperationException {
        train = digits(Path.of(directory));
        network = newDigitsNet();
        initial = network.initialParameters(42L);
        parameters = initial.clone();
        gradient = new float[network.parameterCount()];
        batches = PrebuiltBatches.firstEpoch(train, BATCH_SIZE, SHUFFLE_SEED);
        if (batches.count() != BATCHES) {
            throw new IllegalStateException("expected " + BATCHES + " batches of " + BATCH_SIZE + " in " + directory
                    + ", found " + batches.count());
        }
        loopOptimizer = sgd();
        trainer = Trainer.of(network)
                .optimizer(sgd())
                .epochs(1)
                .batchSize(BATCH_SIZE)
                .seed(SHUFFLE_SEED)
                .trainingMetrics(false)
                .progress(Progress.silent());
    }

    /** Every invocation trains the same epoch from the same start. */
    @Setup(Level.Invocation)
    public void resetParameters() {
        System.arraycopy(initial, 0, parameters, 0, parameters.length);
    }

    /** The floor: the generated step and the optimizer, nothing else. */
    @Benchmark
    public float handWrittenLoop() {
        return batches.trainEpoch(network, loopOptimizer, parameters, gradient);
    }

    /** The same epoch through {@code Trainer.fit}. */
    @Benchmark
    public History trainerFit() {
        return trainer.fit(parameters, train);
    }

    /** The generated digits network, loaded by name as {@link UnrollBenchmark} loads its networks. */
    static TrainableNetwork newDigitsNet() throws ReflectiveOperationException {
        return (TrainableNetwork) Class.forName("dev.netc.benchmarks.digits.DigitsNet")
                .getConstructor()
                .newInstance();
    }

    /** Plain SGD; no state, so one instance may serve every invocation. */
    static Optimizer sgd() {
        return Sgd.builder().learningRate(0.01).build();
    }

    /** The training digits of {@code directory}, pixels scaled to [0, 1], labels one-hot. */
    private static Dataset digits(Path directory) {
        Path images = directory.resolve("train-images-idx3-ubyte.gz");
        Path labels = directory.resolve("train-labels-idx1-ubyte.gz");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            throw new IllegalStateException("MNIST training files are not in " + directory.toAbsolutePath()
                    + " (run from the repository root, or pass -p directory=...)");
        }
        Dataset raw = IdxReader.mnist().readDataset(images, labels, 10);
        Dataset scaled = Scale.by(1 / 255f).apply(raw);
        return OneHot.fit(scaled).apply(scaled);
    }
}
