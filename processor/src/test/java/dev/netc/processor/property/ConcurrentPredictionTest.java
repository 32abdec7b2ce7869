package dev.netc.processor.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.processor.emit.EmitOptions;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import dev.netc.spec.CheckedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One generated instance shared by {@value #PREDICTING_THREADS} predicting threads while another thread trains a copy
 * of the parameters with the {@link Trainer} on the same instance (RELIABILITY F8). Every prediction must be
 * bit for bit what the instance gave single-threaded before the threads started, every training run must end on the
 * bits of a training run made alone, the shared parameters must stay untouched, and no thread may throw.
 *
 * <p>The expectations come from the same instance, single-threaded, per call and per batch size: the test holds for
 * any correct implementation, whatever order of summation or blocking of samples it uses, as long as a call's result
 * does not depend on what other threads do. Batch sizes include one sample, a partial block and more than a block, so
 * implementations that process samples in blocks are checked on their remainders too.
 *
 * <p>Two networks, each for {@value #SECONDS_PER_NETWORK} seconds: a small one whose layers are all unrolled, and a
 * mid-sized one whose first two layers are loops (above the default unroll limit) and whose output layer is unrolled.
 */
class ConcurrentPredictionTest {

    private static final int PREDICTING_THREADS = 16;
    private static final long SECONDS_PER_NETWORK = 4;
    private static final int SAMPLES = 100;
    private static final int[] BATCH_SIZES = {1, 37, SAMPLES};
    private static final int EPOCHS = 2;
    private static final int BATCH = 10;
    private static final long SEED = 16;

    private static final CheckedNetwork SMALL = CompiledNetworks.checked(
            """
            network: SmallShared
            package: dev.netc.property
            input: 4
            layers:
              - {dense: 8, activation: tanh}
              - {dense: 3, activation: softmax}
            loss: sparse_categorical_crossentropy
            optimizer: adam
            """);

    private static final CheckedNetwork LOOPED = CompiledNetworks.checked(
            """
            network: LoopedShared
            package: dev.netc.property
            input: 64
            layers:
              - {dense: 48, activation: relu}
              - {dense: 16, activation: gelu}
              - {dense: 10, activation: softmax}
            loss: sparse_categorical_crossentropy
            optimizer: {sgd: {learning_rate: 0.05}}
            """);

    private static final List<CheckedNetwork> NETWORKS = List.of(SMALL, LOOPED);

    /** Both classes from one javac run, at the default unroll limit. */
    private static final CompiledNetworks COMPILED = CompiledNetworks.compile(
            NETWORKS, List.of(EmitOptions.DEFAULT_UNROLL_LIMIT, EmitOptions.DEFAULT_UNROLL_LIMIT));

    private static int networksChecked;

    @ParameterizedTest(name = "network {0}")
    @ValueSource(ints = {0, 1})
    void sixteenThreadsPredictWhileAnotherTrainsAndAllAgreeBitForBitWithOneThread(int index) throws Exception {
        CheckedNetwork checked = NETWORKS.get(index);
        TrainableNetwork network = COMPILED.instance(checked);
        float[] parameters = network.initialParameters(SEED);
        float[] untouched = parameters.clone();
        Dataset data = randomData(network);
        float[][] batchExpected = new float[BATCH_SIZES.length][];
        for (int b = 0; b < BATCH_SIZES.length; b++) {
            batchExpected[b] = new float[BATCH_SIZES[b] * network.outputSize()];
            network.predictBatch(parameters, data.features(), BATCH_SIZES[b], batchExpected[b]);
        }
        float[] singleExpected = predictOneByOne(network, parameters, data.features());
        float[] trainedExpected = train(network, checked, parameters, data);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_PER_NETWORK);
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < PREDICTING_THREADS; t++) {
            int first = t;
            tasks.add(() -> {
                long rounds = 0;
                float[][] outputs = new float[BATCH_SIZES.length][];
                for (int b = 0; b < BATCH_SIZES.length; b++) {
                    outputs[b] = new float[batchExpected[b].length];
                }
                while (System.nanoTime() < deadline) {
                    int b = (int) ((first + rounds) % BATCH_SIZES.length);
                    network.predictBatch(parameters, data.features(), BATCH_SIZES[b], outputs[b]);
                    assertArrayEquals(batchExpected[b], outputs[b], () -> "a batch of " + BATCH_SIZES[b]);
                    assertArrayEquals(
                            singleExpected, predictOneByOne(network, parameters, data.features()), "one by one");
                    rounds++;
                }
                return rounds;
            });
        }
        tasks.add(() -> {
            long runs = 0;
            while (System.nanoTime() < deadline) {
                assertArrayEquals(trainedExpected, train(network, checked, parameters, data), "trained parameters");
                runs++;
            }
            return runs;
        });

        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Long>> running = new ArrayList<>();
            for (Callable<Long> task : tasks) {
                running.add(pool.submit(task));
            }
            for (int t = 0; t < running.size(); t++) {
                // a failed assertion or any exception in a thread comes out here, as the cause
                long rounds = running.get(t).get(SECONDS_PER_NETWORK + 120, TimeUnit.SECONDS);
                int thread = t;
                assertTrue(rounds > 0, () -> "thread " + thread + " finished no round");
            }
            assertEquals(PREDICTING_THREADS + 1, running.size(), "threads");
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(untouched, parameters, "the shared parameters after the run");
        networksChecked++;
    }

    @AfterAll
    static void bothNetworksWereChecked() {
        assertEquals(NETWORKS.size(), networksChecked, "networks checked");
    }

    /** A copy of {@code initial} trained for {@value #EPOCHS} epochs on {@code data}, shuffled from a fixed seed. */
    private static float[] train(TrainableNetwork network, CheckedNetwork checked, float[] initial, Dataset data) {
        float[] copy = initial.clone();
        Trainer.of(network)
                .describedBy(checked)
                .epochs(EPOCHS)
                .batchSize(BATCH)
                .seed(SEED)
                .trainingMetrics(false)
                .progress(Progress.silent())
                .fit(copy, data);
        return copy;
    }

    private static Dataset randomData(TrainableNetwork network) {
        Random random = new Random(SEED);
        float[] features = new float[SAMPLES * network.inputSize()];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian() * 3;
        }
        float[] classes = new float[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            classes[s] = random.nextInt(network.outputSize());
        }
        return Dataset.ofClasses(features, new int[] {network.inputSize()}, classes, network.outputSize());
    }

    private static float[] predictOneByOne(TrainableNetwork network, float[] parameters, float[] inputs) {
        int in = network.inputSize();
        int out = network.outputSize();
        float[] outputs = new float[SAMPLES * out];
        float[] input = new float[in];
        float[] output = new float[out];
        for (int s = 0; s < SAMPLES; s++) {
            System.arraycopy(inputs, s * in, input, 0, in);
            network.predict(parameters, input, output);
            System.arraycopy(output, 0, outputs, s * out, out);
        }
        return outputs;
    }
}
