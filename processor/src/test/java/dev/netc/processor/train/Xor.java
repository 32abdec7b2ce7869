package dev.netc.processor.train;

import dev.netc.runtime.SeededRandom;
import dev.netc.runtime.data.Dataset;
import dev.netc.spec.CheckedNetwork;
import java.util.List;

/**
 * XOR as the first write-up poses it: points of the unit square with inputs {@code x, y, x*y}, labelled by the
 * quadrant rule (0 when both coordinates are below 0.5 or both at least 0.5, 1 otherwise), and the network it trains:
 * a hidden layer of two sigmoid units and one sigmoid output.
 */
final class Xor {

    static final String SPEC =
            """
            network: XorNet
            package: dev.netc.train
            input: [x, y, xy]
            layers:
              - {dense: 2, activation: sigmoid}
              - {dense: 1, activation: sigmoid}
            loss: binary_crossentropy
            """;

    static final CheckedNetwork NETWORK = GeneratedClasses.checked(SPEC);

    private Xor() {}

    /** The quadrant rule. */
    static float label(float x, float y) {
        return (x < 0.5f) == (y < 0.5f) ? 0f : 1f;
    }

    /** {@code count} random points of the unit square, from {@code seed}. */
    static Dataset randomPoints(int count, long seed) {
        SeededRandom random = new SeededRandom(seed);
        float[] features = new float[count * 3];
        float[] labels = new float[count];
        for (int s = 0; s < count; s++) {
            float x = (float) random.nextDouble();
            float y = (float) random.nextDouble();
            put(features, labels, s, x, y);
        }
        return Dataset.ofTargets(features, new int[] {3}, labels, 1).withFeatureNames(List.of("x", "y", "xy"));
    }

    /** The {@code side * side} grid of the write-up's plot: {@code linspace(0, 1, side)} in each direction. */
    static Dataset grid(int side) {
        float[] features = new float[side * side * 3];
        float[] labels = new float[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                put(features, labels, i * side + j, i / (side - 1f), j / (side - 1f));
            }
        }
        return Dataset.ofTargets(features, new int[] {3}, labels, 1);
    }

    private static void put(float[] features, float[] labels, int sample, float x, float y) {
        features[3 * sample] = x;
        features[3 * sample + 1] = y;
        features[3 * sample + 2] = x * y;
        labels[sample] = label(x, y);
    }
}
