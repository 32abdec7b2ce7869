package dev.netc.runtime.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The argument checks of {@link Dataset}'s factories: consistent shapes and lengths, class indices within the class
 * count. They guard against mistakes in the calling code, so they throw {@link IllegalArgumentException}s.
 */
final class DatasetArguments {

    private DatasetArguments() {}

    /** A copy of {@code shape}, checked: at least one dimension, all positive, at most 2^31 - 1 values in all. */
    static int[] shape(int[] shape) {
        int[] copy = shape.clone();
        if (copy.length == 0) {
            throw new IllegalArgumentException("featureShape: expected at least one dimension, found none");
        }
        for (int dimension : copy) {
            if (dimension < 1) {
                throw new IllegalArgumentException(
                        "featureShape: expected positive dimensions, found " + Arrays.toString(copy));
            }
        }
        featureSize(copy);
        return copy;
    }

    /** The number of values a sample of {@code shape} has. */
    static int featureSize(int[] shape) {
        long product = 1;
        for (int dimension : shape) {
            product *= dimension;
            if (product > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "featureShape: " + Arrays.toString(shape) + " has more than 2^31 - 1 values");
            }
        }
        return (int) product;
    }

    /** The number of samples in {@code features}, which must hold whole samples. */
    static int rows(float[] features, int featureSize) {
        if (features.length % featureSize != 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "features: expected a multiple of %d values (the sample size), found %d",
                    featureSize,
                    features.length));
        }
        return features.length / featureSize;
    }

    /** A copy of {@code classNames}, checked: at least one, no duplicates. */
    static List<String> classNames(List<String> classNames) {
        List<String> names = List.copyOf(classNames);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("classNames: expected at least one class, found none");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("classNames: '" + name + "' appears twice");
            }
        }
        return names;
    }

    /** Checks that {@code what} has {@code width} values for each of {@code rows} samples. */
    static void requireLength(String what, int found, int rows, int width) {
        long expected = (long) rows * width;
        if (found != expected) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: expected %d values (%d samples of %d), found %d",
                    what,
                    expected,
                    rows,
                    width,
                    found));
        }
    }

    /** Checks that each of the first {@code rows} values is a whole number from 0 to {@code classCount - 1}. */
    static void requireClassIndices(float[] classIndices, int rows, int classCount) {
        requireLength("classIndices", classIndices.length, rows, 1);
        for (int i = 0; i < rows; i++) {
            float value = classIndices[i];
            if (!(value >= 0 && value < classCount && value == (int) value)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "classIndices[%d]: expected a class index from 0 to %d, found %s",
                        i,
                        classCount - 1,
                        value));
            }
        }
    }
}
