package dev.netc.runtime.data;

/**
 * What {@link CsvDataset} does with a non-finite number: {@code NaN} or an infinity (spelt {@code nan}, {@code inf}
 * or {@code infinity} in any case, with an optional sign), or a decimal number beyond float's range such as {@code
 * 1e39}. Non-finite values poison training (one NaN feature makes every gradient NaN), so the default is to refuse
 * them; the other policies must be chosen explicitly.
 */
public enum NonFinitePolicy {
    /** An error naming the line and column (the default). */
    REJECT,
    /** Keep the value (NaN, or an infinity), for data that is cleaned after loading. */
    KEEP,
    /** Leave out every row that has one in a feature or target column. */
    SKIP_ROW
}
