package dev.netc.samples.embedded;

import dev.netc.spec.diag.Suggestions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a flower from a query string such as {@code sepalLength=5.1&sepalWidth=3.5&petalLength=1.4&petalWidth=0.2}:
 * exactly the four parameters named after {@link IrisFeatures}' components, each once, each a finite decimal number.
 * Anything else is refused with a message saying what was expected and what was found, which the server sends back
 * as a 400 response.
 */
final class FeatureQuery {

    /** The parameter names, in input order: the record's component names. */
    static final List<String> NAMES = List.of("sepalLength", "sepalWidth", "petalLength", "petalWidth");

    /** Longer queries are refused before they are parsed; a valid one is well under 200 characters. */
    static final int MAX_LENGTH = 1024;

    /** A plain decimal number, as a person types a measurement: no hexadecimal, no {@code NaN}, no {@code 1f}. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private FeatureQuery() {}

    /** A query that does not describe a flower; the message is for the client. */
    static final class InvalidQueryException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidQueryException(String message) {
            super(message);
        }
    }

    /**
     * The flower {@code rawQuery} describes.
     *
     * @param rawQuery the query as received, still percent-encoded; null when the URI has none
     * @throws InvalidQueryException naming the parameter at fault
     */
    static IrisFeatures parse(String rawQuery) throws InvalidQueryException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new InvalidQueryException("expected the parameters " + String.join(", ", NAMES) + ", found none");
        }
        if (rawQuery.length() > MAX_LENGTH) {
            throw new InvalidQueryException(
                    "expected a query of at most " + MAX_LENGTH + " characters, found " + rawQuery.length());
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!NAMES.contains(name)) {
                throw new InvalidQueryException(
                        "unknown parameter '" + name + "'; " + Suggestions.didYouMean(name, NAMES));
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new InvalidQueryException("parameter '" + name + "' is given twice; expected it once");
            }
        }
        float[] features = new float[NAMES.size()];
        for (int i = 0; i < features.length; i++) {
            features[i] = number(NAMES.get(i), values.get(NAMES.get(i)));
        }
        return IrisFeatures.of(features);
    }

    private static float number(String name, String text) throws InvalidQueryException {
        if (text == null) {
            throw new InvalidQueryException(
                    "missing parameter '" + name + "'; expected all of " + String.join(", ", NAMES));
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new InvalidQueryException(
                    "parameter '" + name + "': expected a decimal number such as 5.1, found '" + text + "'");
        }
        float value = Float.parseFloat(text);
        if (!Float.isFinite(value)) {
            throw new InvalidQueryException(
                    "parameter '" + name + "': expected a number within float range, found '" + text + "'");
        }
        return value;
    }

    private static String decode(String text) throws InvalidQueryException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("malformed percent-encoding in '" + text + "'");
        }
    }
}
