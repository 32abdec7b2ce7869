package dev.netc.runtime.data;

/**
 * What a {@link Dataset}'s targets are. Every kind stores its targets as a flat row-major {@code float[]}, {@link
 * Dataset#targetWidth()} values per sample, the layout {@code TrainableNetwork.lossAndGradient} takes.
 */
public enum TargetKind {
    /** No targets (width 0): features only, as in data to predict. */
    NONE,
    /**
     * One value per sample, the class index {@code 0 .. classCount - 1} as a float: the targets of sparse
     * categorical cross-entropy.
     */
    CLASS_INDEX,
    /** {@code classCount} values per sample: 1 for the sample's class, 0 elsewhere (see {@link OneHot}). */
    ONE_HOT,
    /** Real-valued targets, any number per sample (regression). */
    VALUES
}
