package dev.netc.yaml;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * netc's own grammar for scalar values, stricter than YAML 1.1 and 1.2 alike so that a value means one thing to
 * every reader: integers are plain decimal ({@code 010}, {@code 1_0}, {@code 0x10}, {@code 1:30} and {@code 8.0} are
 * not integers), numbers are JSON-like and finite ({@code .5}, {@code .nan}, {@code 1e999} are not), and booleans
 * are exactly {@code true} and {@code false} ({@code yes}, {@code no}, {@code on}, {@code off} are not). Numbers and
 * booleans must be written plain: {@code "8"} is a string.
 */
final class Scalars {

    private static final Pattern POSITIVE_INTEGER = Pattern.compile("[1-9][0-9]*");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** Longest value quoted whole in a message; longer ones are cut. */
    private static final int SHOWN_LENGTH = 40;

    private Scalars() {}

    /** Whether the scalar is an empty plain value, as in {@code key:} with nothing after it. */
    static boolean isNothing(ScalarNode scalar) {
        return scalar.isPlain() && scalar.getValue().isEmpty();
    }

    /** Whether {@code text} is a positive decimal integer: a digit 1-9, then digits. */
    static boolean isPositiveInteger(String text) {
        return POSITIVE_INTEGER.matcher(text).matches();
    }

    /** The value of a {@linkplain #isPositiveInteger positive integer}, or empty when it does not fit an int. */
    static OptionalInt toInt(String positiveInteger) {
        if (positiveInteger.length() > 10) {
            return OptionalInt.empty();
        }
        long value = Long.parseLong(positiveInteger);
        return value <= Integer.MAX_VALUE ? OptionalInt.of((int) value) : OptionalInt.empty();
    }

    /** The finite number {@code text} denotes, or empty when it is not one. */
    static OptionalDouble number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** The boolean {@code text} denotes, or empty unless it is exactly {@code true} or {@code false}. */
    static Optional<Boolean> bool(String text) {
        return switch (text) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /**
     * The scalar as a message quotes it: plain values as written, others inside double quotes (so {@code "8"} shows
     * as a string), control characters escaped and long values cut.
     */
    static String shown(ScalarNode scalar) {
        String text = shown(scalar.getValue());
        return scalar.isPlain() ? text : '"' + text + '"';
    }

    /** {@code text} with control characters escaped and cut to a readable length. */
    static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int offset = 0; offset < text.length(); offset += Character.charCount(text.codePointAt(offset))) {
            if (count++ == SHOWN_LENGTH) {
                return shown.append("...").toString();
            }
            int c = text.codePointAt(offset);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                case '\r' -> shown.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        shown.append(String.format(Locale.ROOT, "\\u%04X", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        }
        return shown.toString();
    }
}
