package dev.netc.runtime.data;

import dev.netc.spec.diag.Suggestions;
import java.util.List;

/**
 * Preprocessing fitted on training data and applied, unchanged, to every other data: the test set now, the samples to
 * predict later. A transform is immutable once fitted. {@link #state()} is its stable stored form, written beside the
 * weights; {@link #restore} reads it back, so that prediction applies exactly the transform training used.
 *
 * <pre>{@code
 * Standardizer standardizer = Standardizer.fit(split.train());
 * Dataset train = standardizer.apply(split.train());
 * Dataset test = standardizer.apply(split.test());   // the training set's mean and scale
 * TransformState saved = standardizer.state();        // stored with the weights
 * }</pre>
 */
public sealed interface Transform permits FeatureTransform, OneHot {

    /**
     * A new data set: {@code data} with this transform applied. {@code data} is not modified.
     *
     * @throws DataException if {@code data} does not fit the transform (another feature count, another class count)
     */
    Dataset apply(Dataset data);

    /** This transform in its stored form (see {@link TransformState} for each kind's arrays). */
    TransformState state();

    /**
     * The transform {@code state} describes.
     *
     * @throws DataException if the kind is unknown or the arrays are missing, of the wrong length or invalid
     */
    static Transform restore(TransformState state) {
        return switch (state.kind()) {
            case Standardizer.KIND -> Standardizer.restore(state);
            case MinMaxScaler.KIND -> MinMaxScaler.restore(state);
            case Scale.KIND -> Scale.restore(state);
            case OneHot.KIND -> OneHot.restore(state);
            default -> {
                List<String> kinds = List.of(Standardizer.KIND, MinMaxScaler.KIND, Scale.KIND, OneHot.KIND);
                throw new DataException("unknown transform kind '" + state.kind() + "'; "
                        + Suggestions.didYouMean(state.kind(), kinds));
            }
        };
    }
}
