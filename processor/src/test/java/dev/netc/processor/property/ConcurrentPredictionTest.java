package dev.netc.processor.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One generated instance shared by {@value #THREADS} threads predicting for {@value #SECONDS} seconds (issue 9), each
 * on its own output arrays, gives bit for bit the outputs of single-threaded prediction: the per-thread workspaces
 * never mix (RELIABILITY F8, the prediction half).
 */
class ConcurrentPredictionTest {

    private static final int THREADS = 8;
    private static final long SECONDS = 10;
    private static final int SAMPLES = 64;

    private static final CheckedNetwork NETWORK = CompiledNetworks.checked(
            """
            network: Shared
            package: dev.netc.property
            input: 6
            layers:
              - {dense: 24, activation: gelu}
              - {dense: 16, activation: tanh}
              - {dense: 4, activation: softmax}
            loss: categorical_crossentropy
            """);

    @Test
    void eightThreadsPredictingForTenSecondsAgreeBitForBitWithOneThread() throws Exception {
        TrainableNetwork network =
                CompiledNetworks.compile(List.of(NETWORK), List.of(16)).instance(NETWORK);
        float[] parameters = network.initialParameters(4);
        Random random = new Random(8);
        float[] inputs = new float[SAMPLES * network.inputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextGaussian() * 3;
        }
        float[] expected = predictOneByOne(network, parameters, inputs);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Long>> rounds = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                rounds.add(pool.submit(() -> {
                    long count = 0;
                    float[] batch = new float[expected.length];
                    while (System.nanoTime() < deadline) {
                        assertArrayEquals(expected, predictOneByOne(network, parameters, inputs), "one by one");
                        network.predictBatch(parameters, inputs, SAMPLES, batch);
                        assertArrayEquals(expected, batch, "batch");
                        count++;
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> round : rounds) {
                long count = round.get(SECONDS + 60, TimeUnit.SECONDS);
                assertTrue(count > 0, "every thread completed a round");
                total += count;
            }
            assertEquals(THREADS, rounds.size());
            assertTrue(total >= THREADS, "rounds: " + total);
        } finally {
            pool.shutdownNow();
        }
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
