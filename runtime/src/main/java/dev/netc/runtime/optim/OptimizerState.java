package dev.netc.runtime.optim;

import dev.netc.Optimizer.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an {@link Optimizer} has learned while training, as plain values a checkpoint saves and restores bit for bit:
 * the step counter, the learning rate in force, and the per-parameter buffers under {@code torch.optim}'s state names
 * ({@code momentum_buffer}, {@code square_avg}, {@code exp_avg}, {@code exp_avg_sq}), each one float per parameter in
 * the parameter layout. The hyperparameters are not part of it: they are the optimizer's {@link Optimizer#spec()}.
 *
 * <p>Immutable: the constructor and {@link #buffer} copy. Two states are equal when every value has the same bits
 * (as {@link Arrays#equals(float[], float[])} compares floats), so an equality check is a bit-identity check.
 */
public final class OptimizerState {

    private final Kind kind;
    private final long steps;
    private final double learningRate;
    private final TreeMap<String, float[]> buffers = new TreeMap<>();

    /**
     * @param kind the update rule the state belongs to
     * @param steps the number of steps taken, 0 or more
     * @param learningRate the learning rate in force, finite and not negative
     * @param buffers state name to values, all of one length (0 before the first step); not modified
     * @throws IllegalArgumentException if a value is out of range or the buffers differ in length
     */
    public OptimizerState(Kind kind, long steps, double learningRate, Map<String, float[]> buffers) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, found " + steps);
        }
        this.steps = steps;
        this.learningRate = Hyperparameters.checkLearningRate(learningRate);
        buffers.forEach(
                (name, values) -> this.buffers.put(Objects.requireNonNull(name, "buffer name"), values.clone()));
        if (this.buffers.values().stream()
                        .mapToInt(values -> values.length)
                        .distinct()
                        .count()
                > 1) {
            throw new IllegalArgumentException("buffers must have one length, found " + lengths());
        }
    }

    /** The update rule the state belongs to. */
    public Kind kind() {
        return kind;
    }

    /** The number of steps taken; Adam's bias correction depends on it. */
    public long steps() {
        return steps;
    }

    /** The learning rate in force when the state was taken. */
    public double learningRate() {
        return learningRate;
    }

    /** The names of the buffers, sorted. */
    public List<String> bufferNames() {
        return List.copyOf(buffers.keySet());
    }

    /**
     * A copy of one buffer.
     *
     * @throws IllegalArgumentException if there is no buffer of that name
     */
    public float[] buffer(String name) {
        float[] values = buffers.get(name);
        if (values == null) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "%s state has no buffer %s; it has %s", kind.yamlName(), name, buffers.keySet()));
        }
        return values.clone();
    }

    /** The buffer's length: the parameter count, or 0 before the first step or with no buffer at all. */
    int parameterCount() {
        return buffers.isEmpty() ? 0 : buffers.firstEntry().getValue().length;
    }

    /** The live buffer, for an optimizer restoring itself; callers copy from it and never write to it. */
    float[] bufferView(String name) {
        return buffers.get(name);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof OptimizerState that)) {
            return false;
        }
        if (kind != that.kind
                || steps != that.steps
                || Double.doubleToLongBits(learningRate) != Double.doubleToLongBits(that.learningRate)
                || !buffers.keySet().equals(that.buffers.keySet())) {
            return false;
        }
        return buffers.entrySet().stream()
                .allMatch(entry -> Arrays.equals(entry.getValue(), that.buffers.get(entry.getKey())));
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(kind, steps, learningRate);
        for (Map.Entry<String, float[]> entry : buffers.entrySet()) {
            hash = 31 * hash + entry.getKey().hashCode();
            hash = 31 * hash + Arrays.hashCode(entry.getValue());
        }
        return hash;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s state after %d steps, learning rate %s, buffers %s",
                kind.yamlName(),
                steps,
                learningRate,
                lengths());
    }

    private String lengths() {
        StringBuilder text = new StringBuilder("[");
        buffers.forEach((name, values) -> text.append(text.length() > 1 ? ", " : "")
                .append(name)
                .append('[')
                .append(values.length)
                .append(']'));
        return text.append(']').toString();
    }
}
