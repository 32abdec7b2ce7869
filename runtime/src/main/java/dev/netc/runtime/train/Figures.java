package dev.netc.runtime.train;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The names of the figures a training run reports, and how they are written for people. */
final class Figures {

    static final String LOSS = "loss";
    static final String VALIDATION_PREFIX = "val_";
    static final String LEARNING_RATE = "learning_rate";
    static final String GRADIENT_NORM = "gradient_norm";
    static final String GRADIENT_NORM_MAX = "gradient_norm_max";

    private Figures() {}

    /**
     * A figure with four decimals, as Keras prints them ({@code 0.0712}); values too small or too large for that in
     * scientific notation ({@code 1.000e-05}); {@code nan} and {@code inf} for the non-finite.
     */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        if (value != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** {@code loss 0.4123, accuracy 0.9333, ...}. */
    static String join(Map<String, Double> figures) {
        StringJoiner text = new StringJoiner(", ");
        figures.forEach((name, value) -> text.add(name + " " + format(value)));
        return text.toString();
    }
}
