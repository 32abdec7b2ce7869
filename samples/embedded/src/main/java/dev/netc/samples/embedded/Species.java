package dev.netc.samples.embedded;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The three iris species, in the order of the network's outputs: the generated class returns the constant at the
 * largest output, so the enum is the network's output type and javac checks that it has three constants.
 */
public enum Species {
    SETOSA,
    VERSICOLOR,
    VIRGINICA;

    /** The name as the data file spells it ({@code setosa}), which is also what the server answers. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every label in constant order: the class vocabulary the training data is read with. */
    static List<String> labels() {
        return Arrays.stream(values()).map(Species::label).toList();
    }
}
