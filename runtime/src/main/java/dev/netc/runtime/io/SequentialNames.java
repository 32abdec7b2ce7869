package dev.netc.runtime.io;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tensor names PyTorch gives the parameters of an {@code nn.Sequential}: {@code <index>.weight} and {@code
 * <index>.bias}, where the index counts every module of the sequence, activations and dropout included. An {@code
 * nn.Sequential(Linear(4, 8), Tanh(), Linear(8, 3))} has {@code 0.weight}, {@code 0.bias}, {@code 2.weight}, {@code
 * 2.bias}.
 */
final class SequentialNames {

    /** An index of at most 18 digits, so that it fits a long; no sign, no leading zero, as PyTorch writes them. */
    private static final Pattern NAME = Pattern.compile("(0|[1-9][0-9]{0,17})\\.(weight|bias)");

    private SequentialNames() {}

    /** The module index of a weight or bias named the {@code nn.Sequential} way. */
    static OptionalLong index(String tensorName) {
        Matcher matcher = NAME.matcher(tensorName);
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** Whether there is at least one name and every name is of the {@code nn.Sequential} form. */
    static boolean all(Collection<String> tensorNames) {
        return !tensorNames.isEmpty()
                && tensorNames.stream().allMatch(name -> NAME.matcher(name).matches());
    }

    /** The indices that have a {@code weight}, in increasing order: the Linear layers, in the order they apply. */
    static List<Long> linearIndices(Collection<String> tensorNames) {
        TreeSet<Long> indices = new TreeSet<>();
        for (String name : tensorNames) {
            if (name.endsWith(".weight")) {
                index(name).ifPresent(indices::add);
            }
        }
        return List.copyOf(indices);
    }

    static String weight(long index) {
        return index + ".weight";
    }

    static String bias(long index) {
        return index + ".bias";
    }
}
