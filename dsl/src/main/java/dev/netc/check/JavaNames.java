package dev.netc.check;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a name usable in generated Java code. Layer names, feature names and the network name become class names,
 * fields, locals and method-name prefixes, so each must be a Java identifier that is none of Java's keywords,
 * literals or restricted identifiers (JLS 17 section 3.8 and 3.9). The checks are written out here rather than taken
 * from {@code javax.lang.model.SourceVersion}, because {@code dsl} does not depend on the compiler API.
 */
final class JavaNames {

    /** Reserved keywords of Java 17, including {@code _} and the unused {@code const} and {@code goto}. */
    private static final Set<String> KEYWORDS =
            Set.of(("_ abstract assert boolean break byte case catch char class const"
                            + " continue default do double else enum extends final finally float for"
                            + " goto if implements import instanceof int interface long native new"
                            + " package private protected public return short static strictfp super"
                            + " switch synchronized this throw throws transient try void volatile"
                            + " while")
                    .split(" "));

    /** The boolean and null literals, which are not identifiers either. */
    private static final Set<String> LITERALS = Set.of("true", "false", "null");

    /** Contextual keywords that cannot name a type, and that read badly or fail as locals and method names. */
    private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits");

    private JavaNames() {}

    /**
     * Why {@code name} is not made of identifier characters, or empty when it is: it must be non-empty, start with a
     * Java letter and continue with Java letters or digits. Invisible "ignorable" characters, which javac accepts, are
     * refused, since the name also appears in messages and weight files.
     */
    static Optional<String> characterProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("it is empty");
        }
        int first = name.codePointAt(0);
        if (!Character.isJavaIdentifierStart(first) || Character.isIdentifierIgnorable(first)) {
            return Optional.of("it cannot start with " + quote(first));
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(c) || Character.isIdentifierIgnorable(c)) {
                return Optional.of(quote(c) + " cannot appear in it");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /**
     * Why {@code word} cannot be used as a name although it is made of identifier characters, or empty when it can: a
     * keyword, a literal, or a restricted identifier such as {@code var}.
     */
    static Optional<String> reservedWord(String word) {
        if (KEYWORDS.contains(word)) {
            return Optional.of("a Java keyword");
        }
        if (LITERALS.contains(word)) {
            return Optional.of("a Java literal");
        }
        if (RESTRICTED.contains(word)) {
            return Optional.of("a restricted Java identifier");
        }
        return Optional.empty();
    }

    /** Whether {@code name} can be the generated class's simple name: identifier characters, no reserved word. */
    static boolean isClassName(String name) {
        return characterProblem(name).isEmpty() && reservedWord(name).isEmpty();
    }

    /**
     * Whether {@code name} is a valid package name: empty (the unnamed package), or dot-separated identifiers none of
     * which is a keyword or literal. Restricted identifiers such as {@code record} are legal package names.
     */
    static boolean isPackageName(String name) {
        if (name.isEmpty()) {
            return true;
        }
        for (String part : name.split("\\.", -1)) {
            if (characterProblem(part).isPresent() || KEYWORDS.contains(part) || LITERALS.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /** A code point as a message shows it: {@code '-'}, or {@code U+0007} when it is not visible. */
    private static String quote(int codePoint) {
        if (Character.isISOControl(codePoint)
                || Character.isIdentifierIgnorable(codePoint)
                || Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)) {
            return String.format(Locale.ROOT, "U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }
}
