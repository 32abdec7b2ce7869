package dev.netc.runtime.fault;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.check.SpecValidator;
import dev.netc.runtime.SeededRandom;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.optim.Adam;
import dev.netc.runtime.reference.TrainableReference;
import dev.netc.runtime.train.Callback;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingRun;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.nio.charset.StandardCharsets;

/**
 * The training run the interruption tests stop and resume: a 2-6-2 softmax classifier trained by the reference with
 * Adam on 40 seeded points in batches of 6 (7 batches per epoch, the last of 4), shuffled, so that the optimizer's
 * moments, its step counter and the shuffle position all have to be restored exactly.
 */
final class InterruptedRun {

    static final CheckedNetwork NETWORK = checked(
            """
            network: InterruptedNet
            package: dev.netc.test
            input: 2
            layers:
              - {dense: 6, activation: tanh}
              - {dense: 2, activation: softmax}
            loss: sparse_categorical_crossentropy
            """);

    static final int BATCHES_PER_EPOCH = 7;

    private InterruptedRun() {}

    /** 40 points in the plane, class 1 when {@code x0 + x1 > 0}. */
    static Dataset data() {
        SeededRandom random = new SeededRandom(5);
        int count = 40;
        float[] features = new float[count * 2];
        float[] labels = new float[count];
        for (int s = 0; s < count; s++) {
            features[2 * s] = (float) random.nextSymmetric(1);
            features[2 * s + 1] = (float) random.nextSymmetric(1);
            labels[s] = features[2 * s] + features[2 * s + 1] > 0 ? 1 : 0;
        }
        return Dataset.ofClasses(features, new int[] {2}, labels, 2);
    }

    static float[] initialParameters() {
        return new TrainableReference(NETWORK).initialParameters(17);
    }

    /** The trainer for {@code epochs} epochs, with {@code callbacks}. */
    static Trainer trainer(int epochs, Callback... callbacks) {
        return trainer(new TrainableReference(NETWORK), epochs, callbacks);
    }

    /** As {@link #trainer(int, Callback...)}, training {@code network}, a stand-in for the reference. */
    static Trainer trainer(TrainableNetwork network, int epochs, Callback... callbacks) {
        return Trainer.of(network)
                .describedBy(NETWORK)
                .optimizer(Adam.builder().learningRate(0.02).build())
                .batchSize(6)
                .epochs(epochs)
                .seed(3)
                .callbacks(callbacks)
                .progress(Progress.silent());
    }

    /** The step of the run a batch hook is at, 1-based over the whole run. */
    static long step(TrainingRun run) {
        return (long) run.epoch() * run.batchesPerEpoch() + run.batch() + 1;
    }

    private static CheckedNetwork checked(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork network = YamlSpecReader.read(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", diagnostics)
                .flatMap(spec -> SpecValidator.validate(spec, diagnostics))
                .orElse(null);
        assertTrue(diagnostics.all().isEmpty() && network != null, () -> "diagnostics: " + diagnostics.all());
        return network;
    }
}
