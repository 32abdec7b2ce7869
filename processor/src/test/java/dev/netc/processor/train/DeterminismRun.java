package dev.netc.processor.train;

import dev.netc.runtime.SeededRandom;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.train.History;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import dev.netc.spec.CheckedNetwork;
import java.util.StringJoiner;

/**
 * One seeded training run of a generated class, written out bit for bit: the determinism test runs it twice in its
 * own JVM and once, through {@link #main}, in a child JVM, and compares the texts. The run uses every source of
 * order the loop has: He initialisation, shuffled mini-batches with a partial last batch, a stratified validation
 * split, gradient clipping, Adam, and softmax with cross-entropy (so {@code exp} and {@code log} in the generated
 * code).
 */
public final class DeterminismRun {

    static final CheckedNetwork NETWORK = GeneratedClasses.checked(
            """
            network: BlobsNet
            package: dev.netc.train
            input: 8
            layers:
              - {dense: 24, activation: relu, init: he_normal}
              - {dense: 12, activation: tanh}
              - {dense: 3, activation: softmax}
            loss: sparse_categorical_crossentropy
            """);

    private DeterminismRun() {}

    /** Prints {@link #run()} to standard output. */
    public static void main(String[] args) {
        System.out.println(run(GeneratedClasses.instance(NETWORK)));
    }

    /**
     * Trains {@code net} (a class generated from {@link #NETWORK}) and returns its parameters as hexadecimal float bits,
     * then the history as CSV.
     */
    static String run(TrainableNetwork net) {
        float[] parameters = net.initialParameters(7L);
        History history = Trainer.of(net)
                .describedBy(NETWORK)
                .optimizer(Adam.builder().learningRate(0.01).build())
                .clipGradientNorm(1.0)
                .batchSize(12)
                .epochs(8)
                .seed(7L)
                .validationSplit(0.2)
                .metrics(Metric.accuracy())
                .progress(Progress.silent())
                .fit(parameters, blobs(300, 7L));
        StringJoiner bits = new StringJoiner(" ");
        for (float value : parameters) {
            bits.add(Integer.toHexString(Float.floatToRawIntBits(value)));
        }
        return bits + "\n" + history.toCsv();
    }

    /** Three noisy clusters in 8 dimensions, class {@code c} centred on 1 in coordinates {@code c} and {@code c + 3}. */
    private static Dataset blobs(int count, long seed) {
        SeededRandom random = new SeededRandom(seed);
        float[] features = new float[count * 8];
        float[] labels = new float[count];
        for (int s = 0; s < count; s++) {
            int c = s % 3;
            for (int i = 0; i < 8; i++) {
                float centre = i == c || i == c + 3 ? 1f : 0f;
                features[s * 8 + i] = centre + (float) (0.5 * random.nextGaussian());
            }
            labels[s] = c;
        }
        return Dataset.ofClasses(features, new int[] {8}, labels, 3);
    }
}
