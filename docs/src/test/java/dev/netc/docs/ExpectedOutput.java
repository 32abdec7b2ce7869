package dev.netc.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what a page says a command prints with what it printed. A page shows real output, but a change to the
 * numerics (a fused operation, another summation order) may move the last printed digits of a loss without making
 * the page wrong; so the words must match exactly and each number within {@link #TOLERANCE}. A first line {@code ...}
 * means the page shows only the end of the output: the remaining lines are compared with the last lines printed.
 */
final class ExpectedOutput {

    /** How far a printed number may be from the page's: well below what a reader would call a different result. */
    static final double TOLERANCE = 0.01;

    /** The line that stands for output the page leaves out. */
    static final String ELLIPSIS = "...";

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private ExpectedOutput() {}

    /**
     * Asserts that {@code actual} matches {@code expected}.
     *
     * @param where names the page's block in the failure message
     * @return the number of lines compared, at least one
     * @throws AssertionError saying which line differs, and showing both outputs
     */
    static int assertMatches(String expected, String actual, String where) {
        List<String> want = lines(expected);
        List<String> got = lines(actual);
        boolean tail = !want.isEmpty() && want.get(0).equals(ELLIPSIS);
        if (tail) {
            want = want.subList(1, want.size());
        }
        if (want.isEmpty()) {
            throw new AssertionError(where + ": the page shows no output lines to compare");
        }
        if (tail ? got.size() < want.size() : got.size() != want.size()) {
            throw mismatch(
                    where, (tail ? "at least " : "") + want.size() + " lines", got.size() + " lines", expected, actual);
        }
        List<String> compared = got.subList(got.size() - want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            if (!sameLine(want.get(i), compared.get(i))) {
                throw mismatch(where, "'" + want.get(i) + "'", "'" + compared.get(i) + "'", expected, actual);
            }
        }
        return want.size();
    }

    /** Whether two lines have the same words and, number for number, values within the tolerance. */
    static boolean sameLine(String expected, String actual) {
        List<String> wantParts = new ArrayList<>();
        List<Double> wantNumbers = new ArrayList<>();
        split(expected, wantParts, wantNumbers);
        List<String> gotParts = new ArrayList<>();
        List<Double> gotNumbers = new ArrayList<>();
        split(actual, gotParts, gotNumbers);
        if (!wantParts.equals(gotParts) || wantNumbers.size() != gotNumbers.size()) {
            return false;
        }
        for (int i = 0; i < wantNumbers.size(); i++) {
            if (!(Math.abs(wantNumbers.get(i) - gotNumbers.get(i)) <= TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /** The text between numbers (into {@code parts}, one more than there are numbers) and the numbers. */
    private static void split(String line, List<String> parts, List<Double> numbers) {
        Matcher number = NUMBER.matcher(line);
        int from = 0;
        while (number.find()) {
            parts.add(line.substring(from, number.start()));
            numbers.add(Double.parseDouble(number.group()));
            from = number.end();
        }
        parts.add(line.substring(from));
    }

    /** The lines without trailing spaces, and without blank lines at the end. */
    private static List<String> lines(String text) {
        List<String> lines =
                new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static AssertionError mismatch(String where, String expected, String found, String page, String actual) {
        return new AssertionError(String.format(
                Locale.ROOT,
                "%s: expected %s, found %s%n--- the page shows:%n%s--- the command printed:%n%s",
                where,
                expected,
                found,
                page,
                actual));
    }
}
