package dev.netc.runtime.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fitted transform in the stable form a weight file stores beside the weights: a kind and named float arrays. The
 * kinds and their arrays are part of netc's file formats and do not change meaning between versions:
 *
 * <table>
 *   <caption>Transform kinds</caption>
 *   <tr><th>kind</th><th>arrays</th><th>applies</th></tr>
 *   <tr><td>{@code standardize}</td><td>{@code mean[f]}, {@code scale[f]}</td>
 *       <td>{@code x[i] = (x[i] - mean[i]) / scale[i]}</td></tr>
 *   <tr><td>{@code min_max}</td><td>{@code min[f]}, {@code range[f]}</td>
 *       <td>{@code x[i] = (x[i] - min[i]) / range[i]}</td></tr>
 *   <tr><td>{@code scale}</td><td>{@code factor[1]}</td><td>{@code x[i] = x[i] * factor[0]}</td></tr>
 *   <tr><td>{@code one_hot}</td><td>{@code classes[1]}</td>
 *       <td>class index {@code c} to {@code classes[0]} targets, 1 at {@code c}</td></tr>
 * </table>
 *
 * <p>({@code f} is the number of features.) {@link Transform#restore} turns a state back into its transform,
 * checking it. Immutable: the arrays are copied in and out, and equality compares their contents.
 */
public final class TransformState {

    private final String kind;
    private final SortedMap<String, float[]> arrays;

    /**
     * A state of {@code kind} with {@code arrays} (copied).
     *
     * @throws NullPointerException if a name or array is null
     */
    public TransformState(String kind, Map<String, float[]> arrays) {
        this.kind = Objects.requireNonNull(kind, "kind");
        SortedMap<String, float[]> copy = new TreeMap<>();
        arrays.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "name"), values.clone()));
        this.arrays = Collections.unmodifiableSortedMap(copy);
    }

    /** The transform's kind, e.g. {@code standardize}. */
    public String kind() {
        return kind;
    }

    /** The names of the arrays, sorted. */
    public List<String> names() {
        return List.copyOf(arrays.keySet());
    }

    /**
     * A copy of the array called {@code name}.
     *
     * @throws DataException if there is none
     */
    public float[] array(String name) {
        float[] values = arrays.get(name);
        if (values == null) {
            throw new DataException(
                    "transform '" + kind + "': expected an array named '" + name + "', found only " + arrays.keySet());
        }
        return values.clone();
    }

    /**
     * The array called {@code name}, checked for restoring: {@code length} values (any positive number when {@code
     * length} is 0), all finite, and all positive normal floats (nothing to divide by zero) when {@code positive}.
     *
     * @throws DataException if it is missing or fails a check
     */
    float[] checkedArray(String name, int length, boolean positive) {
        float[] values = array(name);
        if (length == 0 ? values.length == 0 : values.length != length) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "transform '%s': array '%s': expected %s values, found %d",
                    kind,
                    name,
                    length == 0 ? "at least 1" : Integer.toString(length),
                    values.length));
        }
        for (int i = 0; i < values.length; i++) {
            float value = values[i];
            if (!Float.isFinite(value) || (positive && !(value >= Float.MIN_NORMAL))) {
                throw new DataException(String.format(
                        Locale.ROOT,
                        "transform '%s': array '%s' index %d: expected a %s number, found %s",
                        kind,
                        name,
                        i,
                        positive ? "positive finite" : "finite",
                        value));
            }
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TransformState)) {
            return false;
        }
        TransformState that = (TransformState) other;
        if (!kind.equals(that.kind) || !arrays.keySet().equals(that.arrays.keySet())) {
            return false;
        }
        for (Map.Entry<String, float[]> entry : arrays.entrySet()) {
            if (!Arrays.equals(entry.getValue(), that.arrays.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = kind.hashCode();
        for (Map.Entry<String, float[]> entry : arrays.entrySet()) {
            hash = 31 * hash + entry.getKey().hashCode();
            hash = 31 * hash + Arrays.hashCode(entry.getValue());
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind).append('{');
        String separator = "";
        for (Map.Entry<String, float[]> entry : arrays.entrySet()) {
            text.append(separator).append(entry.getKey()).append('=').append(Arrays.toString(entry.getValue()));
            separator = ", ";
        }
        return text.append('}').toString();
    }
}
