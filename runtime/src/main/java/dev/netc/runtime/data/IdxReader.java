package dev.netc.runtime.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads IDX files, the format of MNIST, Fashion-MNIST and EMNIST: a magic number (two zero bytes, a type code, the
 * number of dimensions), each dimension as a big-endian 32-bit size, then the values row-major. Plain and gzipped files
 * are both read; which one a file is, is decided by its first bytes, not its name.
 *
 * <pre>{@code
 * Dataset train = IdxReader.mnist().readDataset(
 *         dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), 10);
 * }</pre>
 *
 * <p><b>Checks.</b> The header is validated field by field; sizes are computed without overflow and compared with
 * {@link #withMaxValues a limit} and with the file before anything is allocated (a plain file must have exactly the
 * size the header declares; a gzipped one cannot hold more than 1032 times its size, deflate's largest ratio). The
 * data is read to the end of the file, so that a gzip stream's CRC is verified, and trailing data is an error. For
 * data sets, the images and labels must agree in count and every label must be a class index.
 *
 * <p>Errors are {@link DataException}s naming the file, the byte offset (in the uncompressed data, or in the gzip
 * stream for compression errors), the field, what was expected and what was found.
 *
 * <p>Immutable and thread-safe.
 */
public final class IdxReader {

    /** The default limit on the values of one file: 2^28, a gigabyte of floats (Fashion-MNIST has 47 million). */
    public static final long DEFAULT_MAX_VALUES = 1L << 28;

    /** Deflate's largest compression ratio: no gzip file expands to more than this times its size. */
    private static final long MAX_GZIP_RATIO = 1032;

    private final IdxType type;
    private final int dimensions;
    private final long maxValues;

    private IdxReader(IdxType type, int dimensions, long maxValues) {
        this.type = type;
        this.dimensions = dimensions;
        this.maxValues = maxValues;
    }

    /** A reader of any IDX file: any type, any number of dimensions, at most {@link #DEFAULT_MAX_VALUES} values. */
    public static IdxReader any() {
        return new IdxReader(null, 0, DEFAULT_MAX_VALUES);
    }

    /** A reader of MNIST-style images: unsigned bytes in 3 dimensions, {@code [count, rows, columns]}. */
    public static IdxReader mnist() {
        return any().requireType(IdxType.U8).requireDimensions(3);
    }

    /** This reader, refusing files of another type than {@code type}. */
    public IdxReader requireType(IdxType type) {
        return new IdxReader(type, dimensions, maxValues);
    }

    /**
     * This reader, refusing files with another number of dimensions.
     *
     * @throws IllegalArgumentException unless {@code dimensions} is from 1 to 255
     */
    public IdxReader requireDimensions(int dimensions) {
        if (dimensions < 1 || dimensions > 255) {
            throw new IllegalArgumentException("dimensions: expected 1 to 255, found " + dimensions);
        }
        return new IdxReader(type, dimensions, maxValues);
    }

    /**
     * This reader, refusing files with more than {@code maxValues} values (before allocating anything for them).
     *
     * @throws IllegalArgumentException unless {@code maxValues} is from 1 to {@code Integer.MAX_VALUE - 8} (the
     *     largest Java array)
     */
    public IdxReader withMaxValues(long maxValues) {
        if (maxValues < 1 || maxValues > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "maxValues: expected 1 to " + (Integer.MAX_VALUE - 8) + ", found " + maxValues);
        }
        return new IdxReader(type, dimensions, maxValues);
    }

    /**
     * Reads one IDX file.
     *
     * @throws DataException if it cannot be read, breaks the format or this reader's requirements
     */
    public IdxArray read(Path file) {
        try (IdxInput input = IdxInput.open(file)) {
            IdxHeader header = input.readHeader();
            require(file, header, type, dimensions);
            return readData(file, input, header);
        } catch (IOException e) {
            throw Texts.unreadable(file, e);
        }
    }

    /**
     * Reads a labelled data set: samples from {@code images} (this reader's requirements apply; the first dimension
     * counts samples, the others are a sample's shape), and one class index per sample from {@code labels} (any
     * integer type, one dimension).
     *
     * @param classCount the number of classes; every label must be from 0 to {@code classCount - 1}
     * @throws DataException if a file is bad, the counts differ or a label is out of range
     */
    public Dataset readDataset(Path images, Path labels, int classCount) {
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount: expected at least 1, found " + classCount);
        }
        float[] classIndices = readLabels(labels, classCount);
        try (IdxInput input = IdxInput.open(images)) {
            IdxHeader header = input.readHeader();
            require(images, header, type, dimensions);
            if (header.dimensions()[0] != classIndices.length) {
                throw new DataException(String.format(
                        Locale.ROOT,
                        "%s has %d samples but %s has %d labels; expected one label per sample",
                        images,
                        header.dimensions()[0],
                        labels,
                        classIndices.length));
            }
            int[] dims = header.dimensions();
            int[] shape = dims.length == 1 ? new int[] {1} : Arrays.copyOfRange(dims, 1, dims.length);
            if (Arrays.stream(shape).anyMatch(size -> size == 0)) {
                throw DataException.in(
                        images,
                        "expected samples of at least one value, found dimensions " + header.describeDimensions());
            }
            float[] values = readData(images, input, header).values();
            return Dataset.ofClasses(values, shape, classIndices, classCount);
        } catch (IOException e) {
            throw Texts.unreadable(images, e);
        }
    }

    private float[] readLabels(Path labels, int classCount) {
        IdxArray array;
        try (IdxInput input = IdxInput.open(labels)) {
            IdxHeader header = input.readHeader();
            require(labels, header, null, 1);
            if (!header.type().isIntegral()) {
                throw DataException.at(
                        labels,
                        "byte 2",
                        "expected an integer type for labels, found "
                                + header.type().describe());
            }
            array = readData(labels, input, header);
        } catch (IOException e) {
            throw Texts.unreadable(labels, e);
        }
        float[] values = array.values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= classCount) {
                throw DataException.at(
                        labels,
                        "byte " + (8 + (long) i * array.type().bytes()),
                        String.format(
                                Locale.ROOT,
                                "label %d: expected a class index from 0 to %d, found %d",
                                i,
                                classCount - 1,
                                (long) values[i]));
            }
        }
        return values;
    }

    private static void require(Path file, IdxHeader header, IdxType type, int dimensions) {
        if (type != null && header.type() != type) {
            throw DataException.at(
                    file,
                    "byte 2",
                    "expected IDX data type " + type.describe() + ", found "
                            + header.type().describe());
        }
        if (dimensions != 0 && header.dimensions().length != dimensions) {
            throw DataException.at(
                    file,
                    "byte 3",
                    String.format(
                            Locale.ROOT,
                            "expected %d dimension%s, found %d (%s)",
                            dimensions,
                            dimensions == 1 ? "" : "s",
                            header.dimensions().length,
                            header.describeDimensions()));
        }
    }

    /** Bounds the size against the limit and the file, then allocates and reads the values and the end. */
    private IdxArray readData(Path file, IdxInput input, IdxHeader header) throws IOException {
        long count = header.valueCount();
        if (count < 0 || count > maxValues) {
            throw DataException.at(
                    file,
                    "byte 4",
                    String.format(
                            Locale.ROOT,
                            "dimensions %s: expected at most %d values (IdxReader.withMaxValues), found %s",
                            header.describeDimensions(),
                            maxValues,
                            count < 0 ? "more than 2^63" : Long.toString(count)));
        }
        long dataBytes = count * header.type().bytes();
        if (input.compressed()) {
            if (dataBytes > MAX_GZIP_RATIO * input.fileSize()) {
                throw DataException.in(
                        file,
                        String.format(
                                Locale.ROOT,
                                "truncated or corrupt: the header declares %d bytes of data, more than a gzip file of"
                                        + " %d bytes can hold",
                                dataBytes,
                                input.fileSize()));
            }
        } else if (header.bytes() + dataBytes != input.fileSize()) {
            long found = input.fileSize() - header.bytes();
            throw DataException.in(
                    file,
                    String.format(
                            Locale.ROOT,
                            "%s: the header declares %d bytes of data after its %d bytes, found %d",
                            found < dataBytes ? "truncated" : "trailing data",
                            dataBytes,
                            header.bytes(),
                            found));
        }
        float[] values = new float[(int) count];
        input.readValues(header.type(), values);
        input.requireEnd();
        return new IdxArray(header.type(), header.dimensions(), values);
    }
}
