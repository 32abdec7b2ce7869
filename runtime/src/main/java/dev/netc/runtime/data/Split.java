package dev.netc.runtime.data;

/**
 * A data set divided in two: {@code train} to fit on, {@code test} to evaluate on. Both are views of the same data set
 * (see {@link Dataset#select}); no sample is in both.
 */
public record Split(Dataset train, Dataset test) {}
