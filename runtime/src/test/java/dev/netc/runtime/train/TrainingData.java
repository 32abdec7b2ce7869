package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.check.SpecValidator;
import dev.netc.runtime.SeededRandom;
import dev.netc.runtime.data.Dataset;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.nio.charset.StandardCharsets;

/** Data sets and networks for the training tests, all generated from seeds. */
final class TrainingData {

    private TrainingData() {}

    /** {@code count} samples of {@code y = 2 x0 - x1 + 0.5} with features uniform in [-1, 1). */
    static Dataset line(int count, long seed) {
        SeededRandom random = new SeededRandom(seed);
        float[] features = new float[count * 2];
        float[] targets = new float[count];
        for (int s = 0; s < count; s++) {
            float x0 = (float) random.nextSymmetric(1);
            float x1 = (float) random.nextSymmetric(1);
            features[2 * s] = x0;
            features[2 * s + 1] = x1;
            targets[s] = 2 * x0 - x1 + 0.5f;
        }
        return Dataset.ofTargets(features, new int[] {2}, targets, 1);
    }

    /** {@code count} points of two classes in the plane, class 1 when {@code x0 + x1 > 0}, as class indices. */
    static Dataset halves(int count, long seed) {
        SeededRandom random = new SeededRandom(seed);
        float[] features = new float[count * 2];
        float[] labels = new float[count];
        for (int s = 0; s < count; s++) {
            float x0 = (float) random.nextSymmetric(1);
            float x1 = (float) random.nextSymmetric(1);
            features[2 * s] = x0;
            features[2 * s + 1] = x1;
            labels[s] = x0 + x1 > 0 ? 1 : 0;
        }
        return Dataset.ofClasses(features, new int[] {2}, labels, 2);
    }

    /** The checked network of a YAML spec; fails the test if the spec has a diagnostic. */
    static CheckedNetwork checked(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork network = YamlSpecReader.read(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", diagnostics)
                .flatMap(spec -> SpecValidator.validate(spec, diagnostics))
                .orElse(null);
        assertTrue(diagnostics.all().isEmpty() && network != null, () -> "diagnostics: " + diagnostics.all());
        return network;
    }

    /** {@link #classifier()} with a wider hidden layer that training drops a quarter of. */
    static CheckedNetwork classifierWithDropout() {
        return checked(
                """
                network: HalvesDropoutNet
                package: dev.netc.test
                input: [a, b]
                layers:
                  - {dense: 8, activation: tanh, dropout: 0.25}
                  - {dense: 2, activation: softmax}
                loss: sparse_categorical_crossentropy
                optimizer: {sgd: {learning_rate: 0.5}}
                """);
    }

    /** A 2-4-2 classifier with a softmax output and sparse targets, stating SGD at 0.5. */
    static CheckedNetwork classifier() {
        return checked(
                """
                network: HalvesNet
                package: dev.netc.test
                input: [a, b]
                layers:
                  - {dense: 4, activation: tanh}
                  - {dense: 2, activation: softmax}
                loss: sparse_categorical_crossentropy
                optimizer: {sgd: {learning_rate: 0.5}}
                """);
    }
}
