package dev.netc.cli;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.FeatureTransform;
import dev.netc.runtime.data.MinMaxScaler;
import dev.netc.runtime.data.Scale;
import dev.netc.runtime.data.Standardizer;
import dev.netc.runtime.data.Transform;
import dev.netc.runtime.io.SavedTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The feature preprocessing {@code netc train} fits on the training data and saves with the weights, and its
 * conversion to and from the weight file's form, so {@code evaluate} and {@code predict} apply the same transform.
 */
final class Preprocessing {

    @Option(
            names = "--standardize",
            description = "Standardise each feature (mean 0, variance 1 on the training data).")
    boolean standardize;

    @Option(names = "--minmax", description = "Scale each feature to [0, 1] on the training data.")
    boolean minMax;

    @Option(
            names = "--scale",
            paramLabel = "K",
            description = "Multiply every feature by K (e.g. 0.00392156862745098 for pixels / 255).")
    Float scale;

    /** The chosen transform fitted on {@code train}, or empty when none was chosen. */
    Optional<FeatureTransform> fit(Dataset train) {
        if (standardize) {
            return Optional.of(Standardizer.fit(train));
        }
        if (minMax) {
            return Optional.of(MinMaxScaler.fit(train));
        }
        if (scale != null) {
            return Optional.of(Scale.by(scale));
        }
        return Optional.empty();
    }

    /** How many transforms were chosen; more than one is a usage error. */
    int chosen() {
        return (standardize ? 1 : 0) + (minMax ? 1 : 0) + (scale != null ? 1 : 0);
    }

    /** The weight file's form of a fitted transform. */
    static SavedTransform save(Transform transform) {
        return SavedTransform.of(transform.state());
    }

    /** The feature transforms saved in a weight file, in the order to apply them. */
    static List<FeatureTransform> restore(List<SavedTransform> saved) {
        List<FeatureTransform> transforms = new ArrayList<>();
        for (SavedTransform transform : saved) {
            Transform restored = Transform.restore(transform.state());
            if (restored instanceof FeatureTransform feature) {
                transforms.add(feature);
            }
        }
        return transforms;
    }

    /** {@code data} with every transform applied, in order. */
    static Dataset apply(List<FeatureTransform> transforms, Dataset data) {
        Dataset result = data;
        for (FeatureTransform transform : transforms) {
            result = transform.apply(result);
        }
        return result;
    }
}
