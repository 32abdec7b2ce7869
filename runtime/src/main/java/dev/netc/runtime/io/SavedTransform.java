package dev.netc.runtime.io;

import dev.netc.runtime.data.TransformState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One fitted preprocessing step saved with the weights, so that predictions apply the transform the network was
 * trained with: a kind that names the transform (for example {@code standardize}) and its fitted values as named
 * float arrays (for example {@code mean} and {@code scale}, one value per feature). The weight file stores it without
 * interpreting it: the kinds and their arrays are the preprocessing classes' to define. {@link TransformState} has the
 * same shape: {@link #of(TransformState)} and {@link #state()} convert without loss, and {@code
 * Transform.restore(saved.state())} gives back the fitted transform.
 *
 * @param kind what transform this is, as the preprocessing classes name it
 * @param values the fitted values, in the order the transform lists them
 */
public record SavedTransform(String kind, List<Values> values) {

    public SavedTransform {
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
    }

    /**
     * One named array of fitted values.
     *
     * @param name what the values are, for example {@code mean}
     * @param data the values (copied in and out)
     */
    public record Values(String name, float[] data) {

        public Values {
            Objects.requireNonNull(name, "name");
            data = data.clone();
        }

        @Override
        public float[] data() {
            return data.clone();
        }

        /** Equal when the names are equal and the values are equal bit for bit. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Values that && name.equals(that.name) && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return name + "[" + data.length + "]";
        }
    }

    /** The saved form of a fitted transform's {@code state}. */
    public static SavedTransform of(TransformState state) {
        List<Values> values = new ArrayList<>();
        for (String name : state.names()) {
            values.add(new Values(name, state.array(name)));
        }
        return new SavedTransform(state.kind(), values);
    }

    /** The state to restore the transform from, with {@code Transform.restore}. */
    public TransformState state() {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (Values named : values) {
            arrays.put(named.name(), named.data());
        }
        return new TransformState(kind, arrays);
    }

    /** The step as {@code standardize(mean[4], std[4])}, for {@code netc inspect}. */
    public String describe() {
        return kind + values.stream().map(Values::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
