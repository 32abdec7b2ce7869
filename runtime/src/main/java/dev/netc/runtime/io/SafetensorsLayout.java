package dev.netc.runtime.io;

import dev.netc.runtime.io.SafetensorsHeader.Parsed;
import dev.netc.runtime.io.WeightFileException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks where a safetensors header puts its tensors, with the rules and in the order of the reference validator
 * (huggingface/safetensors, {@code Metadata::validate} and {@code read_metadata}): sorted by offsets, each tensor
 * begins where the previous one ended (no overlap, no gap, the first at 0) and does not end before it begins; its byte
 * count is its element count times its type's size, computed without overflow; and the last tensor ends exactly where
 * the file does. A file that passes has every tensor in bounds.
 */
final class SafetensorsLayout {

    private SafetensorsLayout() {}

    /**
     * @param headerLength the header's declared length
     * @param fileSize the file's size in bytes
     * @return the checked file, tensors in data order
     */
    static SafetensorsFile check(Parsed parsed, String file, long headerLength, long fileSize)
            throws WeightFileException {
        List<SafetensorsTensor> tensors = new ArrayList<>(parsed.tensors());
        tensors.sort(Comparator.comparingLong(SafetensorsTensor::begin).thenComparingLong(SafetensorsTensor::end));
        long start = 0;
        String previous = null;
        for (SafetensorsTensor tensor : tensors) {
            checkOffsets(tensor, start, previous, file);
            checkSize(tensor, file);
            start = tensor.end();
            previous = tensor.name();
        }
        long data = fileSize - Long.BYTES - headerLength;
        if (start != data) {
            String found = start < data
                    ? String.format(Locale.ROOT, "the file has %d unexpected trailing bytes", data - start)
                    : String.format(Locale.ROOT, "the file holds only %d data bytes (is it truncated?)", data);
            throw new WeightFileException(
                    Problem.INCOMPLETE_BUFFER,
                    file,
                    null,
                    String.format(
                            Locale.ROOT,
                            "the tensors end at data byte %d, but %s (safetensors: MetadataIncompleteBuffer)",
                            start,
                            found));
        }
        return new SafetensorsFile(file, headerLength, tensors, parsed.metadata());
    }

    private static void checkOffsets(SafetensorsTensor tensor, long start, String previous, String file)
            throws WeightFileException {
        String problem = null;
        if (tensor.begin() < start) {
            problem = String.format(
                    Locale.ROOT,
                    "begins at %d, inside '%s', which ends at %d: overlapping",
                    tensor.begin(),
                    previous,
                    start);
        } else if (tensor.begin() > start) {
            problem = previous == null
                    ? String.format(Locale.ROOT, "the first tensor begins at %d, not 0: a gap", tensor.begin())
                    : String.format(
                            Locale.ROOT,
                            "begins at %d, but '%s' ends at %d: a gap of %d bytes",
                            tensor.begin(),
                            previous,
                            start,
                            tensor.begin() - start);
        } else if (tensor.end() < tensor.begin()) {
            problem = String.format(Locale.ROOT, "ends at %d, before it begins at %d", tensor.end(), tensor.begin());
        }
        if (problem != null) {
            throw new WeightFileException(
                    Problem.INVALID_OFFSET,
                    file,
                    "tensor '" + tensor.name() + "'",
                    "data_offsets " + List.of(tensor.begin(), tensor.end()) + ": " + problem
                            + " (safetensors: InvalidOffset)");
        }
    }

    private static void checkSize(SafetensorsTensor tensor, String file) throws WeightFileException {
        String where = "tensor '" + tensor.name() + "'";
        SafetensorsDtype dtype = SafetensorsDtype.named(tensor.dtype()).orElseThrow();
        long bits;
        try {
            long count = 1;
            for (long dimension : tensor.shape()) {
                count = Math.multiplyExact(count, dimension);
            }
            bits = Math.multiplyExact(count, dtype.bits());
        } catch (ArithmeticException e) {
            throw new WeightFileException(
                    Problem.VALIDATION_OVERFLOW,
                    file,
                    where,
                    "the size of shape " + tensor.shapeText() + " of " + tensor.dtype()
                            + " overflows 63 bits (safetensors: ValidationOverflow)");
        }
        if (bits % Byte.SIZE != 0) {
            throw new WeightFileException(
                    Problem.TENSOR_INVALID_INFO,
                    file,
                    where,
                    String.format(
                            Locale.ROOT,
                            "shape %s of %s is %d bits, not a whole number of bytes (safetensors: MisalignedSlice)",
                            tensor.shapeText(),
                            tensor.dtype(),
                            bits));
        }
        long bytes = bits / Byte.SIZE;
        if (tensor.end() - tensor.begin() != bytes) {
            throw new WeightFileException(
                    Problem.TENSOR_INVALID_INFO,
                    file,
                    where,
                    String.format(
                            Locale.ROOT,
                            "shape %s of %s needs %d bytes, but data_offsets [%d, %d] hold %d"
                                    + " (safetensors: TensorInvalidInfo)",
                            tensor.shapeText(),
                            tensor.dtype(),
                            bytes,
                            tensor.begin(),
                            tensor.end(),
                            tensor.end() - tensor.begin()));
        }
    }
}
