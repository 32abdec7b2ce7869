package dev.netc.runtime.io;

import dev.netc.runtime.io.Architecture.Tensor;
import dev.netc.runtime.io.WeightFileException.Problem;
import dev.netc.spec.diag.Suggestions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes <a href="https://github.com/huggingface/safetensors">safetensors</a> files, PyTorch's safe weight
 * format: an unsigned 64-bit little-endian header length N, N bytes of JSON naming each tensor's dtype, shape and
 * byte range, then the raw little-endian data. Reading applies every rule of the reference implementation (see
 * {@link SafetensorsLayout}) before any data is touched, and reads only the header into memory.
 *
 * <pre>{@code
 * // A PyTorch nn.Sequential of Linear layers loads with no mapping:
 * float[] parameters = Safetensors.load(Path.of("model.safetensors"), Architecture.of(checked));
 * // and netc's weights export so that PyTorch loads them with model.load_state_dict(load_file(...)):
 * Safetensors.save(Path.of("trained.safetensors"), Architecture.of(checked), parameters);
 * }</pre>
 */
public final class Safetensors {

    /** The reference implementation's limit on the header length ({@code MAX_HEADER_SIZE}). */
    public static final long MAX_HEADER_LENGTH = 100_000_000;

    /** Tensor data is read in chunks of this many bytes. */
    private static final int CHUNK = 1 << 20;

    private Safetensors() {}

    /**
     * Reads and checks a file's header: length, UTF-8, JSON structure, dtypes, and that the tensors tile the data
     * exactly.
     *
     * @throws WeightFileException naming the file, the tensor concerned, and the reference implementation's name for
     *     the error
     */
    public static SafetensorsFile read(Path path) throws WeightFileException {
        String file = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return header(channel, file);
        } catch (WeightFileException e) {
            throw e;
        } catch (IOException e) {
            throw new WeightFileException(
                    Problem.IO_ERROR, file, null, "cannot read: " + IoErrors.describe(e, file), e);
        }
    }

    /** {@link #load(Path, Architecture, TensorMapping)} with {@link TensorMapping#automatic()}. */
    public static float[] load(Path path, Architecture network) throws WeightFileException {
        return load(path, network, TensorMapping.automatic());
    }

    /**
     * The parameters of {@code network} from a safetensors file: every tensor the network needs must be present, be
     * of a float type and have the network's shape, and the file must hold no other tensor. {@code F32} loads as it
     * is, {@code F16} and {@code BF16} exactly, and {@code F64} rounded to the nearest float.
     *
     * @return the parameters in the network's layout
     * @throws WeightFileException naming each missing, unexpected or mis-shaped tensor, with both architectures
     */
    public static float[] load(Path path, Architecture network, TensorMapping mapping) throws WeightFileException {
        String file = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            SafetensorsFile header = header(channel, file);
            List<SafetensorsTensor> sources = bind(network, header, mapping);
            float[] parameters = new float[Math.toIntExact(network.parameterCount())];
            List<Tensor> tensors = network.tensors();
            for (int i = 0; i < tensors.size(); i++) {
                SafetensorsTensor source = sources.get(i);
                readFloats(channel, header.dataStart() + source.begin(), source, parameters, tensors.get(i), file);
            }
            return parameters;
        } catch (WeightFileException e) {
            throw e;
        } catch (IOException e) {
            throw new WeightFileException(
                    Problem.IO_ERROR, file, null, "cannot read: " + IoErrors.describe(e, file), e);
        }
    }

    /** {@link #save(Path, Architecture, float[], TensorMapping, Map)} with automatic names and no metadata. */
    public static void save(Path path, Architecture network, float[] parameters) throws WeightFileException {
        save(path, network, parameters, TensorMapping.automatic(), Map.of());
    }

    /**
     * Writes {@code parameters} as F32 tensors named by {@code mapping}, atomically, laid out as the reference writer
     * lays them out (tensors sorted by name, header padded with spaces to a multiple of 8 bytes).
     *
     * @param metadata {@code __metadata__} entries; none are written when empty
     * @throws IllegalArgumentException if the number of parameters is not the network's, or the mapping does not
     *     fit the network
     */
    public static void save(
            Path path, Architecture network, float[] parameters, TensorMapping mapping, Map<String, String> metadata)
            throws WeightFileException {
        if (parameters.length != network.parameterCount()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "network %s has %d parameters, found %d",
                    network.network(),
                    network.parameterCount(),
                    parameters.length));
        }
        List<String> names = mapping.exportNames(network);
        List<Tensor> tensors = network.tensors();
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor tensor = tensors.get(i);
            entries.add(new SafetensorsWriter.Entry(
                    names.get(i), tensor.shape(), parameters, (int) tensor.offset(), (int) tensor.count()));
        }
        byte[] header = SafetensorsWriter.header(entries, metadata);
        AtomicFiles.write(path, out -> SafetensorsWriter.write(out, header, entries));
    }

    private static SafetensorsFile header(FileChannel channel, String file) throws IOException {
        long size = channel.size();
        if (size < Long.BYTES) {
            throw new WeightFileException(
                    Problem.INVALID_HEADER_LENGTH,
                    file,
                    null,
                    String.format(
                            Locale.ROOT,
                            "expected at least 8 bytes (the header length), found %d (safetensors: HeaderTooSmall)",
                            size));
        }
        ByteBuffer length = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        SectionFile.readFully(channel, length, 0, file);
        long n = length.getLong(0);
        if (n < 0 || n > MAX_HEADER_LENGTH) {
            throw new WeightFileException(
                    Problem.HEADER_TOO_LARGE,
                    file,
                    null,
                    String.format(
                            Locale.ROOT,
                            "header length %s exceeds the limit of %d bytes (safetensors: HeaderTooLarge)",
                            Long.toUnsignedString(n),
                            MAX_HEADER_LENGTH));
        }
        if (n > size - Long.BYTES) {
            throw new WeightFileException(
                    Problem.INVALID_HEADER_LENGTH,
                    file,
                    null,
                    String.format(
                            Locale.ROOT,
                            "header length %d exceeds the file size %d minus the 8-byte length"
                                    + " (safetensors: InvalidHeaderLength)",
                            n,
                            size));
        }
        ByteBuffer json = ByteBuffer.allocate((int) n);
        SectionFile.readFully(channel, json, Long.BYTES, file);
        return SafetensorsLayout.check(SafetensorsHeader.parse(json.array(), file), file, n, size);
    }

    /**
     * The file's tensor for each of the network's tensors, in order, after checking names, dtypes and shapes. Every
     * problem is listed in one message, above the file's tensors and the network's architecture.
     */
    private static List<SafetensorsTensor> bind(Architecture network, SafetensorsFile file, TensorMapping requested)
            throws WeightFileException {
        TensorMapping mapping = requested.forImport(network, file);
        List<String> names = mapping.importNames(network, file);
        List<Tensor> tensors = network.tensors();
        Map<String, SafetensorsTensor> unused = new LinkedHashMap<>();
        file.tensors().forEach(tensor -> unused.put(tensor.name(), tensor));
        List<String> problems = new ArrayList<>();
        Problem first = null;
        List<SafetensorsTensor> bound = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor tensor = tensors.get(i);
            String name = names.get(i);
            SafetensorsTensor source = unused.remove(name);
            bound.add(source);
            String where = "tensor '" + name + "' (layer " + tensor.layer() + ")";
            Problem problem = null;
            if (source == null) {
                problem = Problem.MISSING_TENSOR;
                problems.add(where + ": network " + tensor.shapeText() + ", not in the file; "
                        + Suggestions.closest(name, file.names())
                                .map(close -> "did you mean '" + close + "'?")
                                .orElse("the file has " + file.names()));
            } else if (!SafetensorsFloats.loads(source.dtype())) {
                problem = Problem.WRONG_DTYPE;
                problems.add(
                        where + ": expected a float dtype " + SafetensorsFloats.TYPES + ", found " + source.dtype());
            } else if (!shapeOf(tensor).equals(source.shape())) {
                problem = Problem.SHAPE_MISMATCH;
                problems.add(where + ": file " + source.shapeText() + " vs network " + tensor.shapeText());
            }
            first = first == null ? problem : first;
        }
        for (SafetensorsTensor extra : unused.values()) {
            first = first == null ? Problem.UNEXPECTED_TENSOR : first;
            problems.add("tensor '" + extra.name() + "': file " + extra.dtype() + " " + extra.shapeText()
                    + ", not used by the network");
        }
        if (first != null) {
            if (!mapping.equals(TensorMapping.sequential())
                    && !SequentialNames.linearIndices(file.names()).isEmpty()) {
                problems.add("the file names tensors the nn.Sequential way (0.weight, ...); name each layer's module"
                        + " with TensorMapping.modules(...)");
            }
            throw new WeightFileException(
                    first,
                    file.file(),
                    null,
                    "the tensors do not fit network " + network.network() + " (names: " + mapping + "):\n  "
                            + String.join("\n  ", problems) + "\nthe file's tensors:\n" + file.describe()
                            + "\nthe network loading it:\n" + network.describe());
        }
        return bound;
    }

    private static List<Long> shapeOf(Tensor tensor) {
        return tensor.shape().stream().map(Integer::longValue).toList();
    }

    /** {@code source}'s elements, converted to float, into {@code tensor}'s place in {@code parameters}. */
    private static void readFloats(
            FileChannel channel,
            long position,
            SafetensorsTensor source,
            float[] parameters,
            Tensor tensor,
            String file)
            throws IOException {
        SafetensorsDtype type = SafetensorsDtype.named(source.dtype()).orElseThrow();
        int size = type.bits() / Byte.SIZE;
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, tensor.count() * size))
                .order(ByteOrder.LITTLE_ENDIAN);
        int next = (int) tensor.offset();
        long remaining = tensor.count();
        long at = position;
        while (remaining > 0) {
            int elements = (int) Math.min(remaining, chunk.capacity() / size);
            chunk.clear().limit(elements * size);
            SectionFile.readFully(channel, chunk, at, file);
            chunk.flip();
            SafetensorsFloats.decode(type, chunk, parameters, next, elements);
            next += elements;
            at += (long) elements * size;
            remaining -= elements;
        }
    }
}
