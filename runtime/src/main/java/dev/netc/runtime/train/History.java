package dev.netc.runtime.train;

import dev.netc.spec.diag.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of a training run, epoch by epoch: one plain list of numbers per name, ready to plot. The names, in
 * the order they were first reported:
 *
 * <ul>
 *   <li>{@code loss}: the mean training loss over the epoch's batches (each at the parameters of its own step, as
 *       Keras reports it), weighted by batch size;
 *   <li>one per metric, e.g. {@code accuracy}: on the training data at the end of the epoch;
 *   <li>{@code val_loss} and {@code val_<metric>}: on the validation data at the end of the epoch, when there is any;
 *   <li>{@code learning_rate}: the rate the epoch's steps used;
 *   <li>{@code gradient_norm} and {@code gradient_norm_max}: the mean and largest global gradient norm before
 *       clipping, when clipping is on.
 * </ul>
 *
 * <p>Index {@code i} of every list is epoch {@code i} (0-based; messages and progress lines count from 1). Read-only
 * to its users; the training loop fills it.
 */
public final class History {

    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private int epochs;
    private String stopReason;

    /** An empty history that will hold the figures {@code names}, in that order. */
    History(List<String> names) {
        for (String name : names) {
            series.put(name, new ArrayList<>());
        }
    }

    /** Appends one epoch's figures: exactly the names the history was made with. */
    void add(Map<String, Double> figures) {
        if (!figures.keySet().equals(series.keySet())) {
            throw new IllegalStateException("epoch figures " + figures.keySet() + " differ from " + series.keySet());
        }
        figures.forEach((name, value) -> series.get(name).add(value));
        epochs++;
    }

    /** Records why training ended before its last epoch. */
    void stopped(String reason) {
        this.stopReason = reason;
    }

    /** The number of epochs recorded. */
    public int epochs() {
        return epochs;
    }

    /** The figures' names, in report order. */
    public List<String> names() {
        return List.copyOf(series.keySet());
    }

    /** Whether the history has the figure {@code name}. */
    public boolean has(String name) {
        return series.containsKey(name);
    }

    /**
     * The figure {@code name} of every epoch, in order (a copy).
     *
     * @throws IllegalArgumentException if there is no such figure, suggesting the closest name
     */
    public List<Double> get(String name) {
        return List.copyOf(values(name));
    }

    /**
     * The figure {@code name} of the last epoch.
     *
     * @throws IllegalArgumentException if there is no such figure
     * @throws IllegalStateException if no epoch has been recorded
     */
    public double last(String name) {
        List<Double> values = values(name);
        if (values.isEmpty()) {
            throw new IllegalStateException("the history has no epoch yet");
        }
        return values.get(values.size() - 1);
    }

    /** Every figure of epoch {@code index} (0-based), by name in report order. */
    public Map<String, Double> epoch(int index) {
        if (index < 0 || index >= epochs) {
            throw new IndexOutOfBoundsException(
                    String.format(Locale.ROOT, "epoch %d: the history has epochs 0 to %d", index, epochs - 1));
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        series.forEach((name, values) -> figures.put(name, values.get(index)));
        return figures;
    }

    /** Why training stopped before its last epoch (early stopping, say); empty when it ran every epoch. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /**
     * The history as CSV for a plotting tool: a header {@code epoch,<names>}, then one line per epoch numbered from
     * 1, numbers in Java's shortest round-trip form ({@code NaN} where a figure was undefined).
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("epoch");
        series.keySet().forEach(name -> csv.append(',').append(name));
        csv.append('\n');
        for (int epoch = 0; epoch < epochs; epoch++) {
            csv.append(epoch + 1);
            for (List<Double> values : series.values()) {
                csv.append(',').append(values.get(epoch));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "History[%d epochs of %s]", epochs, String.join(", ", series.keySet()));
    }

    private List<Double> values(String name) {
        List<Double> values = series.get(name);
        if (values == null) {
            throw new IllegalArgumentException(
                    "the history has no figure '" + name + "'; " + Suggestions.didYouMean(name, series.keySet()));
        }
        return values;
    }
}
