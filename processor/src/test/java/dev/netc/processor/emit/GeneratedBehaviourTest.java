package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a generated class promises besides its numbers: seeded initialisation, thread safety, argument checks. */
class GeneratedBehaviourTest {

    private static final CheckedNetwork NETWORK = GeneratedNetworks.checked(
            """
            network: BehaviourNet
            package: dev.netc.generated
            input: 6
            layers:
              - {dense: 40, activation: relu, init: he_normal}
              - {dense: 3, activation: linear, init: zeros}
            loss: sparse_categorical_crossentropy
            """);

    private static TrainableNetwork net;

    @BeforeAll
    static void compile() {
        ClassLoader loader = GeneratedNetworks.load(
                GeneratedNetworks.compile(List.of(NetworkClassEmitter.emit(NETWORK, EmitOptions.of("test")))));
        net = GeneratedNetworks.instance(loader, "dev.netc.generated.BehaviourNet");
    }

    @Test
    void theSameSeedGivesTheSameParameters() throws ReflectiveOperationException {
        float[] first = net.initialParameters(42L);

        assertArrayEquals(first, net.initialParameters(42L));
        assertArrayEquals(first, (float[])
                net.getClass().getMethod("newParameters", long.class).invoke(null, 42L));
        assertFalse(Arrays.equals(first, net.initialParameters(43L)));
        assertEquals(6 * 40 + 40 + 40 * 3 + 3, first.length);
        for (int i = 6 * 40; i < first.length; i++) {
            assertEquals(0f, first[i], "bias or zeros-initialised weight " + i);
        }
    }

    @Test
    void concurrentPredictionsEqualSingleThreadedOnes() throws Exception {
        float[] parameters = net.initialParameters(7L);
        int samples = 200;
        float[] inputs = new float[samples * 6];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) Math.sin(i);
        }
        float[] expected = new float[samples * 3];
        net.predictBatch(parameters, inputs, samples, expected);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int task = 0; task < 32; task++) {
                results.add(pool.submit(() -> {
                    float[] out = new float[samples * 3];
                    for (int repeat = 0; repeat < 20; repeat++) {
                        net.predictBatch(parameters, inputs, samples, out);
                    }
                    return out;
                }));
            }
            for (Future<float[]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wrongArgumentsAreReportedWithWhatWasExpected() {
        float[] parameters = net.initialParameters(1L);

        IllegalArgumentException shortParameters = assertThrows(
                IllegalArgumentException.class, () -> net.predict(new float[5], new float[6], new float[3]));
        IllegalArgumentException badTarget = assertThrows(
                IllegalArgumentException.class,
                () -> net.lossAndGradient(parameters, new float[6], new float[] {3f}, 1, new float[parameters.length]));
        IllegalArgumentException noSample = assertThrows(
                IllegalArgumentException.class,
                () -> net.lossAndGradient(parameters, new float[6], new float[1], 0, new float[parameters.length]));

        assertEquals("parameters: expected 403 values, found 5", shortParameters.getMessage());
        assertEquals("targets[0]: expected a class index from 0 to 2, found 3.0", badTarget.getMessage());
        assertEquals("count: expected at least 1 samples, found 0", noSample.getMessage());
    }

    @Test
    void warmedUpTrainingStepsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        float[] parameters = net.initialParameters(3L);
        int batch = 16;
        float[] inputs = new float[batch * 6];
        float[] targets = new float[batch];
        for (int s = 0; s < batch; s++) {
            targets[s] = s % 3;
            for (int i = 0; i < 6; i++) {
                inputs[s * 6 + i] = (float) Math.cos(s * 6 + i);
            }
        }
        float[] gradient = new float[parameters.length];
        Runnable steps = () -> {
            for (int step = 0; step < 1_000; step++) {
                net.lossAndGradient(parameters, inputs, targets, batch, gradient);
            }
        };
        Runnable nothing = () -> {};
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            steps.run();
            nothing.run();
        }

        long overhead = allocated(threads, nothing);

        assertEquals(overhead, allocated(threads, steps), "bytes allocated by 1,000 training steps of 16 samples");
    }

    /** Bytes the current thread allocates while {@code work} runs, including what measuring costs. */
    private static long allocated(com.sun.management.ThreadMXBean threads, Runnable work) {
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
