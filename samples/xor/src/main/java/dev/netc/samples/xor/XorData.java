package dev.netc.samples.xor;

import dev.netc.runtime.SeededRandom;
import dev.netc.runtime.data.Dataset;
import java.util.List;

/**
 * XOR as the first write-up poses it: points of the unit square with the inputs {@code x, y, x*y} (the product
 * feature the write-up found to speed learning up), labelled by the quadrant rule: 0 when both coordinates are below
 * 0.5 or both at least 0.5, 1 otherwise. Column 0 of every data set is x and column 1 is y, which is what the
 * pictures read back.
 */
public final class XorData {

    /** The network's input: x, y and their product. */
    public static final List<String> FEATURES = List.of("x", "y", "xy");

    /** The four corners (0,0), (0,1), (1,0), (1,1), labelled 0, 1, 1, 0. */
    public static final Dataset CORNERS = of(new float[] {0, 0, 0, 1, 1, 0, 1, 1});

    private XorData() {}

    /** The quadrant rule. */
    public static float label(float x, float y) {
        return (x < 0.5f) == (y < 0.5f) ? 0f : 1f;
    }

    /** {@code count} points drawn uniformly from the unit square by {@code seed}: the same seed, the same points. */
    public static Dataset randomPoints(int count, long seed) {
        SeededRandom random = new SeededRandom(seed);
        float[] coordinates = new float[2 * count];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = (float) random.nextDouble();
        }
        return of(coordinates);
    }

    /** The {@code side * side} grid of the write-up's plot: {@code linspace(0, 1, side)} in each direction. */
    public static Dataset grid(int side) {
        if (side < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points a side, found " + side);
        }
        float[] coordinates = new float[2 * side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                coordinates[2 * (i * side + j)] = i / (side - 1f);
                coordinates[2 * (i * side + j) + 1] = j / (side - 1f);
            }
        }
        return of(coordinates);
    }

    /** The labelled data set of the points {@code (coordinates[2i], coordinates[2i + 1])}. */
    private static Dataset of(float[] coordinates) {
        int count = coordinates.length / 2;
        float[] features = new float[3 * count];
        float[] labels = new float[count];
        for (int s = 0; s < count; s++) {
            float x = coordinates[2 * s];
            float y = coordinates[2 * s + 1];
            features[3 * s] = x;
            features[3 * s + 1] = y;
            features[3 * s + 2] = x * y;
            labels[s] = label(x, y);
        }
        return Dataset.ofTargets(features, new int[] {3}, labels, 1).withFeatureNames(FEATURES);
    }
}
