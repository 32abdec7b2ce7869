package dev.netc.runtime.train;

import dev.netc.spec.diag.Suggestions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network's loss and metrics on one data set, from {@link Trainer#evaluate}. The loss is the one training
 * minimises (with the L2 penalties, without dropout); the metrics are the trainer's, by name. Immutable.
 */
public final class Evaluation {

    private final Map<String, Double> figures;

    Evaluation(Map<String, Double> figures) {
        this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** The mean loss. */
    public double loss() {
        return get(Figures.LOSS);
    }

    /**
     * The figure {@code name}: {@code loss} or a metric's name.
     *
     * @throws IllegalArgumentException if there is no such figure, suggesting the closest name
     */
    public double get(String name) {
        Double value = figures.get(name);
        if (value == null) {
            throw new IllegalArgumentException(
                    "the evaluation has no figure '" + name + "'; " + Suggestions.didYouMean(name, figures.keySet()));
        }
        return value;
    }

    /** Every figure by name, the loss first. */
    public Map<String, Double> figures() {
        return figures;
    }

    /** One figure a line, {@code name: value} with four decimals, e.g. {@code loss: 0.0712}. */
    public String format() {
        StringBuilder text = new StringBuilder();
        figures.forEach((name, value) ->
                text.append(name).append(": ").append(Figures.format(value)).append('\n'));
        return text.toString();
    }

    @Override
    public String toString() {
        return "Evaluation" + figures;
    }
}
