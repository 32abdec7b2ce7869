package dev.netc.processor.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.Locale;

/**
 * Literals and names as generated code writes them. Floats always carry {@code f} (JavaPoet's {@code $L} would
 * write a double), and names are converted with {@link Locale#ROOT}.
 */
final class Literals {

    private Literals() {}

    /** {@code value} rounded to float, as a Java float literal: {@code 0.01f}, {@code 1.0E-4f}. */
    static CodeBlock floatLiteral(double value) {
        float rounded = (float) value;
        if (!Float.isFinite(rounded)) {
            throw new IllegalArgumentException("not a finite float: " + value);
        }
        return CodeBlock.of("$Lf", Float.toString(rounded));
    }

    /** {@code base + index} as an array index, written {@code base} alone for index 0. */
    static CodeBlock offset(String base, int index) {
        return index == 0 ? CodeBlock.of("$N", base) : CodeBlock.of("$N + $L", base, index);
    }

    /** A layer name as a constant prefix: {@code hidden2} to {@code HIDDEN2}, {@code myLayer} to {@code MY_LAYER}. */
    static String upperSnake(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)
                    && i > 0
                    && !Character.isUpperCase(name.charAt(i - 1))
                    && name.charAt(i - 1) != '_') {
                out.append('_');
            }
            out.append(c);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** {@code name} with its first letter upper case, to follow a prefix: {@code z} + {@code Hidden}. */
    static String capitalize(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** A feature name as a local: {@code sepal_length} to {@code sepalLength}. */
    static String lowerCamel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == ' ') {
                upperNext = out.length() > 0;
            } else {
                out.append(upperNext ? Character.toUpperCase(c) : c);
                upperNext = false;
            }
        }
        return out.toString();
    }
}
