package dev.netc.runtime.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checked header of a safetensors file: its tensors, in the order of their data, and its metadata. Obtained from
 * {@link Safetensors#read}, which has already applied every rule of the format, so offsets are contiguous, in bounds
 * and consistent with shapes and types.
 *
 * @param file the file, as the user named it
 * @param headerLength the JSON header's length in bytes (the data starts at {@code 8 + headerLength})
 * @param tensors every tensor, ordered by offset
 * @param metadata the {@code __metadata__} entries, sorted by key; empty when there are none
 */
public record SafetensorsFile(
        String file, long headerLength, List<SafetensorsTensor> tensors, Map<String, String> metadata) {

    public SafetensorsFile {
        Objects.requireNonNull(file, "file");
        tensors = List.copyOf(tensors);
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** Where the data starts: after the 8-byte length and the header. */
    public long dataStart() {
        return Long.BYTES + headerLength;
    }

    /** The tensor called {@code name}. */
    public Optional<SafetensorsTensor> tensor(String name) {
        return tensors.stream().filter(tensor -> tensor.name().equals(name)).findFirst();
    }

    /** The tensors' names, in the order of their data. */
    public List<String> names() {
        return tensors.stream().map(SafetensorsTensor::name).toList();
    }

    /** Number of values in all tensors together. */
    public long elementCount() {
        return tensors.stream().mapToLong(SafetensorsTensor::count).sum();
    }

    /**
     * The layer widths when the file holds exactly the {@code float32} weights and biases of an {@code nn.Sequential} of
     * {@code nn.Linear} layers that chain ({@code [out, in]} weights, each layer's input the previous one's output,
     * biases {@code [out]}): for example {@code [4, 8, 8, 3]}. Empty for any other file.
     */
    public Optional<List<Long>> sequentialWidths() {
        if (!SequentialNames.all(names())) {
            return Optional.empty();
        }
        List<Long> widths = new ArrayList<>();
        int used = 0;
        for (long index : SequentialNames.linearIndices(names())) {
            Optional<SafetensorsTensor> weight = tensor(SequentialNames.weight(index));
            if (weight.isEmpty() || !isFloatMatrix(weight.get())) {
                return Optional.empty();
            }
            long out = weight.get().shape().get(0);
            long in = weight.get().shape().get(1);
            if (widths.isEmpty()) {
                widths.add(in);
            } else if (widths.get(widths.size() - 1) != in) {
                return Optional.empty();
            }
            widths.add(out);
            used++;
            Optional<SafetensorsTensor> bias = tensor(SequentialNames.bias(index));
            if (bias.isPresent()) {
                if (!SafetensorsFloats.loads(bias.get().dtype())
                        || !bias.get().shape().equals(List.of(out))) {
                    return Optional.empty();
                }
                used++;
            }
        }
        return used == tensors.size() ? Optional.of(widths) : Optional.empty();
    }

    /** The tensors as a table, one per line: name, dtype, shape. */
    public String describe() {
        int nameWidth = tensors.stream()
                .mapToInt(tensor -> tensor.name().length())
                .max()
                .orElse(0);
        int typeWidth = tensors.stream()
                .mapToInt(tensor -> tensor.dtype().length())
                .max()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        for (SafetensorsTensor tensor : tensors) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append("  ")
                    .append(pad(tensor.name(), nameWidth))
                    .append("  ")
                    .append(pad(tensor.dtype(), typeWidth))
                    .append("  ")
                    .append(tensor.shapeText());
        }
        return text.length() == 0 ? "  (no tensors)" : text.toString();
    }

    private static boolean isFloatMatrix(SafetensorsTensor tensor) {
        return SafetensorsFloats.loads(tensor.dtype()) && tensor.shape().size() == 2;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
