package dev.netc.runtime.data;

import java.util.Locale;

/**
 * The grammar of numbers in CSV files, narrower than {@link Float#parseFloat}'s on purpose: that method also accepts
 * {@code NaN}, {@code Infinity}, a type suffix ({@code 1d}, {@code 2f}), hexadecimal ({@code 0x1p3}) and surrounding
 * control characters, all of which in a data file are more likely a mistake than a number. Accepted: an optional
 * sign, decimal digits with an optional {@code .} fraction (either side may be empty, not both), and an optional
 * exponent: {@code 5}, {@code -0.5}, {@code .5}, {@code 5.}, {@code +1.5e-3}. The separator of the fraction is always
 * {@code .}, whatever the locale.
 */
final class CsvNumbers {

    private CsvNumbers() {}

    /** Whether {@code text} is a decimal number of the grammar above. */
    static boolean isDecimal(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int integerDigits = digits(text, i);
        i += integerDigits;
        int fractionDigits = 0;
        if (i < n && text.charAt(i) == '.') {
            fractionDigits = digits(text, i + 1);
            i += 1 + fractionDigits;
        }
        if (integerDigits + fractionDigits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = digits(text, i);
            if (exponentDigits == 0) {
                return false;
            }
            i += exponentDigits;
        }
        return i == n;
    }

    /**
     * The value of a spelt-out non-finite number ({@code nan}, {@code inf}, {@code infinity}, in any case, with an
     * optional sign), or 0 when {@code text} is not one.
     */
    static float nonFiniteWord(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String word = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        return switch (word) {
            case "nan" -> Float.NaN;
            case "inf", "infinity" -> negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
            default -> 0f;
        };
    }

    /** What a field that is not a number was expected to be, with a hint for a decimal comma. */
    static String expected(String text) {
        if (text.isEmpty()) {
            return "expected a decimal number, found an empty field";
        }
        if (text.indexOf(',') >= 0 && isDecimal(text.replace(',', '.'))) {
            return "expected a decimal number with '.' as the decimal point, found " + Texts.quote(text);
        }
        return "expected a decimal number, found " + Texts.quote(text);
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
