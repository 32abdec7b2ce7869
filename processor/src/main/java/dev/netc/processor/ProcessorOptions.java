package dev.netc.processor;

import dev.netc.processor.emit.EmitOptions;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.SourcePosition;
import dev.netc.spec.diag.Suggestions;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The processor's options, given to javac as {@code -Akey=value}, checked once per compilation. A bad value is an
 * error naming the option, what it expects and what it found; the option then keeps its default, so the other
 * problems of the compilation are still reported.
 *
 * @param specDirs the directories of YAML specs ({@code netc.specDir}), as written: messages and generated headers
 *     name a spec by this path followed by the file's path inside the directory. Empty when not given
 * @param unrollLimit the unroll limit handed to code generation ({@code netc.unrollLimit})
 * @param verbose whether to print a note for each generated class ({@code netc.verbose})
 */
record ProcessorOptions(List<String> specDirs, int unrollLimit, boolean verbose) {

    /** One or more directories of {@code *.yaml} and {@code *.yml} specs, separated by {@link File#pathSeparator}. */
    static final String SPEC_DIR = "netc.specDir";
    /** Dense layers with at most this many weights are unrolled; see {@link EmitOptions#unrollLimit()}. */
    static final String UNROLL_LIMIT = "netc.unrollLimit";
    /** {@code true} or {@code false}; a bare {@code -Anetc.verbose} means true. */
    static final String VERBOSE = "netc.verbose";

    /** Every option the processor reads, in alphabetical order (the order messages list them in). */
    static final List<String> NAMES = List.of(SPEC_DIR, UNROLL_LIMIT, VERBOSE);

    /** The options of a compilation that gives none. */
    static final ProcessorOptions DEFAULTS = new ProcessorOptions(List.of(), EmitOptions.DEFAULT_UNROLL_LIMIT, false);

    /** Options that start with this prefix are netc's; an unknown one is a typo. */
    private static final String PREFIX = "netc.";

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,8}");

    ProcessorOptions {
        specDirs = List.copyOf(specDirs);
    }

    /** Whether {@code options} (javac's {@code -A} map) gives any of netc's options, known or not. */
    static boolean anyGiven(Map<String, String> options) {
        return options.keySet().stream().anyMatch(key -> key.startsWith(PREFIX));
    }

    /** The options in {@code options} (javac's {@code -A} map, whose values are null for a bare {@code -Akey}). */
    static ProcessorOptions parse(Map<String, String> options, Diagnostics diagnostics) {
        for (String key : new TreeSet<>(options.keySet())) {
            if (key.startsWith(PREFIX) && !NAMES.contains(key)) {
                diagnostics.error(
                        DiagnosticCode.UNKNOWN_OPTION, SourcePosition.NONE, key, Suggestions.didYouMean(key, NAMES));
            }
        }
        List<String> specDirs =
                options.containsKey(SPEC_DIR) ? specDirs(options.get(SPEC_DIR), diagnostics) : DEFAULTS.specDirs();
        int unrollLimit = options.containsKey(UNROLL_LIMIT)
                ? unrollLimit(options.get(UNROLL_LIMIT), diagnostics)
                : DEFAULTS.unrollLimit();
        boolean verbose =
                options.containsKey(VERBOSE) ? verbose(options.get(VERBOSE), diagnostics) : DEFAULTS.verbose();
        return new ProcessorOptions(specDirs, unrollLimit, verbose);
    }

    private static List<String> specDirs(String value, Diagnostics diagnostics) {
        String expected = "one or more directories separated by '" + File.pathSeparator + "'";
        if (value == null || value.isEmpty()) {
            diagnostics.error(DiagnosticCode.BAD_OPTION, SourcePosition.NONE, SPEC_DIR, expected, "no value");
            return List.of();
        }
        List<String> directories = new ArrayList<>();
        for (String entry : value.split(Pattern.quote(File.pathSeparator), -1)) {
            if (entry.isBlank()) {
                diagnostics.error(
                        DiagnosticCode.BAD_OPTION,
                        SourcePosition.NONE,
                        SPEC_DIR,
                        expected,
                        "an empty entry in '" + value + "'");
                continue;
            }
            try {
                Path.of(entry);
                directories.add(entry);
            } catch (InvalidPathException notAPath) {
                diagnostics.error(
                        DiagnosticCode.BAD_OPTION,
                        SourcePosition.NONE,
                        SPEC_DIR,
                        expected,
                        "'" + entry + "', which is not a path (" + notAPath.getReason() + ")");
            }
        }
        return directories;
    }

    private static int unrollLimit(String value, Diagnostics diagnostics) {
        if (value != null && DECIMAL.matcher(value).matches()) {
            int limit = Integer.parseInt(value);
            if (limit <= EmitOptions.MAX_UNROLL_LIMIT) {
                return limit;
            }
        }
        String expected =
                String.format(Locale.ROOT, "a whole number of weights from 0 to %d", EmitOptions.MAX_UNROLL_LIMIT);
        diagnostics.error(DiagnosticCode.BAD_OPTION, SourcePosition.NONE, UNROLL_LIMIT, expected, found(value));
        return DEFAULTS.unrollLimit();
    }

    private static boolean verbose(String value, Diagnostics diagnostics) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        diagnostics.error(DiagnosticCode.BAD_OPTION, SourcePosition.NONE, VERBOSE, "true or false", found(value));
        return DEFAULTS.verbose();
    }

    private static String found(String value) {
        return value == null ? "no value" : "'" + value + "'";
    }
}
