package dev.netc.processor.read;

/**
 * Converts between an annotation member's Java name and the attribute's YAML name ({@code useBias} and {@code
 * use_bias}, {@code learningRate} and {@code learning_rate}). Positions are keyed by YAML names, so the two front ends
 * agree; messages about annotations use the Java names the user wrote.
 */
final class MemberNames {

    private MemberNames() {}

    /** {@code learningRate} to {@code learning_rate}. */
    static String toYaml(String javaName) {
        StringBuilder yaml = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                yaml.append('_').append(Character.toLowerCase(c));
            } else {
                yaml.append(c);
            }
        }
        return yaml.toString();
    }

    /** {@code learning_rate} to {@code learningRate}. */
    static String toJava(String yamlName) {
        StringBuilder java = new StringBuilder(yamlName.length());
        boolean upper = false;
        for (int i = 0; i < yamlName.length(); i++) {
            char c = yamlName.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                java.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return java.toString();
    }
}
