package dev.netc.runtime.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes float32 tensors in the layout of the reference writer (huggingface/safetensors, {@code serialize}): tensors
 * sorted by name (all have one dtype, so its alignment order does not apply), {@code __metadata__} first with its
 * keys sorted, compact JSON, the header padded with spaces to a multiple of 8 bytes so that the data is aligned, then
 * the data in the same order.
 */
final class SafetensorsWriter {

    private static final JsonFactory JSON = new JsonFactory();

    /** Header bytes are padded to a multiple of this, as the reference writer does. */
    private static final int ALIGNMENT = 8;

    private SafetensorsWriter() {}

    /**
     * One tensor to write: {@code count} values of {@code values} from {@code offset}.
     *
     * @param name the tensor's name in the file
     * @param shape its shape; the product is {@code count}
     */
    record Entry(String name, List<Integer> shape, float[] values, int offset, int count) {}

    /** The length-prefixed, padded header for {@code entries}, which it sorts by name. */
    static byte[] header(List<Entry> entries, Map<String, String> metadata) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(json)) {
            out.writeStartObject();
            if (!metadata.isEmpty()) {
                out.writeObjectFieldStart(SafetensorsHeader.METADATA);
                for (Map.Entry<String, String> entry : sortedByBytes(metadata).entrySet()) {
                    out.writeStringField(entry.getKey(), entry.getValue());
                }
                out.writeEndObject();
            }
            long begin = 0;
            for (Entry entry : sorted(entries)) {
                out.writeObjectFieldStart(entry.name());
                out.writeStringField("dtype", SafetensorsDtype.F32.name());
                out.writeArrayFieldStart("shape");
                for (int dimension : entry.shape()) {
                    out.writeNumber(dimension);
                }
                out.writeEndArray();
                long end = begin + (long) entry.count() * Float.BYTES;
                out.writeArrayFieldStart("data_offsets");
                out.writeNumber(begin);
                out.writeNumber(end);
                out.writeEndArray();
                out.writeEndObject();
                begin = end;
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        int padding = (ALIGNMENT - json.size() % ALIGNMENT) % ALIGNMENT;
        byte[] spaces = new byte[padding];
        Arrays.fill(spaces, (byte) ' ');
        json.write(spaces, 0, padding);
        ByteBuffer header = ByteBuffer.allocate(Long.BYTES + json.size()).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(json.size()).put(json.toByteArray());
        return header.array();
    }

    /** Writes {@code header} (from {@link #header}) and the data of {@code entries}, in the header's order. */
    static void write(OutputStream out, byte[] header, List<Entry> entries) throws IOException {
        out.write(header);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry entry : sorted(entries)) {
            int end = entry.offset() + entry.count();
            for (int i = entry.offset(); i < end; i++) {
                if (!bytes.hasRemaining()) {
                    out.write(bytes.array(), 0, bytes.position());
                    bytes.clear();
                }
                bytes.putFloat(entry.values()[i]);
            }
        }
        out.write(bytes.array(), 0, bytes.position());
    }

    /** Sorted as the reference writer sorts names: by their UTF-8 bytes. */
    private static List<Entry> sorted(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::name, SafetensorsWriter::compareUtf8));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException(
                        "two tensors are named " + sorted.get(i).name());
            }
        }
        return sorted;
    }

    private static Map<String, String> sortedByBytes(Map<String, String> metadata) {
        Map<String, String> sorted = new TreeMap<>(SafetensorsWriter::compareUtf8);
        sorted.putAll(metadata);
        return sorted;
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
