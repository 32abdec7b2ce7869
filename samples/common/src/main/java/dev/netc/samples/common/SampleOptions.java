package dev.netc.samples.common;

import dev.netc.spec.diag.Suggestions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sample programs' command line: options {@code --name value}, each with a default, in any order. A sample
 * declares its options with their defaults; anything else on the command line is an error that says what was
 * expected, so a mistyped option is never silently ignored.
 *
 * <pre>{@code
 * SampleOptions options = SampleOptions.parse(args, Map.of("out", "target/iris-pictures", "data", "data/iris/iris.csv"));
 * Path data = options.path("data");
 * }</pre>
 */
public final class SampleOptions {

    private final Map<String, String> values;

    private SampleOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads {@code args} against the options {@code defaults} declares (name without the dashes, and its default).
     *
     * @throws UsageException if an argument is not a declared option, lacks its value, or repeats one
     */
    public static SampleOptions parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : "";
            if (!defaults.containsKey(name)) {
                List<String> known =
                        defaults.keySet().stream().map(option -> "--" + option).toList();
                throw new UsageException("unknown argument '" + arg + "'; " + Suggestions.didYouMean(arg, known));
            }
            if (i + 1 == args.length) {
                throw new UsageException("option --" + name + ": expected a value after it, found none");
            }
            if (given.put(name, args[i + 1]) != null) {
                throw new UsageException("option --" + name + ": expected it once, found it twice");
            }
        }
        values.putAll(given);
        return new SampleOptions(values);
    }

    /** A usage line for {@code program}: every option with its default. */
    public static String usage(String program, Map<String, String> defaults) {
        StringBuilder usage = new StringBuilder("usage: " + program);
        defaults.forEach((name, value) ->
                usage.append(" [--").append(name).append(' ').append(value).append(']'));
        return usage.toString();
    }

    /** The value of option {@code name}, given or default. */
    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no option --" + name + " was declared; declared: " + values.keySet());
        }
        return value;
    }

    /** The value of option {@code name} as a path. */
    public Path path(String name) {
        return Path.of(get(name));
    }

    /**
     * The value of option {@code name} as a whole number of at least 1.
     *
     * @throws UsageException if it is not one
     */
    public int positive(String name) {
        String value = get(name);
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a number below 1
        }
        throw new UsageException(String.format(
                Locale.ROOT, "option --%s: expected a whole number of at least 1, found '%s'", name, value));
    }
}
