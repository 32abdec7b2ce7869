package dev.netc.benchmarks;

import dev.netc.runtime.data.Batch;
import dev.netc.runtime.data.BatchIterator;
import dev.netc.runtime.data.Dataset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The work {@code Trainer.fit} adds to each step of the digits network, timed alone: {@link TrainerOverheadBenchmark}
 * compares whole epochs, whose difference is smaller than a shared machine's noise, so this bounds it from below the
 * noise. Per step the trainer fills its batch buffer ({@link BatchIterator#next}) and scans the updated parameters for
 * a non-finite value; the scan here is the loop of the trainer's {@code Divergence.firstNonFinite}, which is not
 * public. The loss check, one comparison, is left out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TrainerStepExtrasBenchmark {

    private static final int SAMPLES = 8_000;
    private static final int BATCH_SIZE = 32;

    private float[] parameters;
    private BatchIterator batches;
    private Batch batch;

    @Setup
    public void prepare() throws ReflectiveOperationException {
        parameters = TrainerOverheadBenchmark.newDigitsNet().initialParameters(42L);
        SplittableRandom random = new SplittableRandom(3L);
        int inputs = 784; // the digits network's input size
        float[] features = new float[SAMPLES * inputs];
        float[] labels = new float[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            labels[s] = random.nextInt(10);
        }
        Dataset data = Dataset.ofClasses(features, new int[] {inputs}, labels, 10);
        batches = BatchIterator.builder(data, BATCH_SIZE).shuffle(0L).build();
        batch = batches.newBatch();
    }

    /** Filling the next batch of 32 digits, as the trainer does before each step. */
    @Benchmark
    public Batch nextBatch() {
        if (!batches.next(batch)) {
            batches.startEpoch(batches.epoch() + 1);
            batches.next(batch);
        }
        return batch;
    }

    /** The scan of the 567,434 parameters for a non-finite value, as the trainer does after each step. */
    @Benchmark
    public int nonFiniteScan() {
        for (int i = 0; i < parameters.length; i++) {
            if (!Float.isFinite(parameters[i])) {
                return i;
            }
        }
        return -1;
    }
}
