package dev.netc.runtime.io;

import dev.netc.runtime.io.WeightFileException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * netc's container format, shared by weight files and checkpoints: a fixed header, then named sections, each with its
 * own CRC32C, so that a corrupt file is refused with the name of the damaged section. See {@code docs/weights.md} for
 * the byte layout.
 *
 * <pre>
 * header   magic 89 4E 45 54 43 0D 0A 1A | major u16 | minor u16 | kind 4 ASCII | sections u32 | CRC32C u32
 * section  name length u8 | name | payload length u64 | payload | CRC32C u32 (of everything before it in the section)
 * </pre>
 *
 * All integers are little-endian. Nothing may follow the last section. Readers accept every minor version of their
 * major version; a newer minor version may add sections, which older readers skip.
 */
final class SectionFile {

    /**
     * The first eight bytes, PNG-style: a non-ASCII byte, so the file is not taken for text; the name; CR LF, which a
     * text-mode transfer would mangle; and Ctrl-Z, which stops {@code type} on Windows.
     */
    static final byte[] MAGIC = {(byte) 0x89, 'N', 'E', 'T', 'C', '\r', '\n', 0x1A};

    static final int MAJOR_VERSION = 1;
    /** 1.0 first; 1.1 added the weight file's optional {@code classes} section. */
    static final int MINOR_VERSION = 1;

    /** Bytes of the header: magic, two versions, kind, section count, checksum. */
    static final int HEADER_BYTES = 24;

    static final int MAX_SECTIONS = 64;

    /** Section names: lower-case words, as written in {@code docs/weights.md}. */
    private static final Pattern SECTION_NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private static final Pattern KIND = Pattern.compile("[A-Z0-9]{4}");

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    /** Sections are read into one array each. */
    static final long MAX_SECTION_BYTES = Integer.MAX_VALUE - 8;

    /** One named section. */
    record Section(String name, byte[] payload) {

        Section {
            if (!SECTION_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid section name " + name);
            }
        }
    }

    private final String file;
    private final String kind;
    private final int minorVersion;
    private final List<Section> sections;

    private SectionFile(String file, String kind, int minorVersion, List<Section> sections) {
        this.file = file;
        this.kind = kind;
        this.minorVersion = minorVersion;
        this.sections = List.copyOf(sections);
    }

    /** The file, as the user named it. */
    String file() {
        return file;
    }

    /** Four upper-case ASCII letters saying what the file holds, for example {@code WGHT}. */
    String kind() {
        return kind;
    }

    /** The minor format version the file was written with. */
    int minorVersion() {
        return minorVersion;
    }

    /** The sections, in file order. */
    List<Section> sections() {
        return sections;
    }

    /** The section called {@code name}, if the file has one. */
    Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Writes a container atomically (see {@link AtomicFiles}).
     *
     * @param kind four upper-case ASCII letters or digits
     */
    static void write(Path path, String kind, List<Section> sections) throws WeightFileException {
        if (!KIND.matcher(kind).matches() || sections.size() > MAX_SECTIONS) {
            throw new IllegalArgumentException("invalid kind " + kind + " or too many sections: " + sections.size());
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC)
                .putShort((short) MAJOR_VERSION)
                .putShort((short) MINOR_VERSION)
                .put(kind.getBytes(StandardCharsets.US_ASCII))
                .putInt(sections.size());
        header.putInt(crc(header.array(), 0, HEADER_BYTES - 4));
        AtomicFiles.write(path, out -> {
            out.write(header.array());
            for (Section section : sections) {
                byte[] name = section.name().getBytes(StandardCharsets.US_ASCII);
                ByteBuffer intro = ByteBuffer.allocate(1 + name.length + Long.BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .put((byte) name.length)
                        .put(name)
                        .putLong(section.payload().length);
                CRC32C crc = new CRC32C();
                crc.update(intro.array());
                crc.update(section.payload());
                out.write(intro.array());
                out.write(section.payload());
                out.write(ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt((int) crc.getValue())
                        .array());
            }
        });
    }

    /**
     * Reads and checks a container: magic, major version, header checksum, every section's bounds and checksum, and
     * that nothing follows the last section. No length is trusted before it is checked against the file size.
     */
    static SectionFile read(Path path) throws WeightFileException {
        String file = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = readAt(channel, 0, (int) Math.min(size, HEADER_BYTES), file);
            checkMagic(header, size, file);
            int major = Short.toUnsignedInt(header.getShort(8));
            int minor = Short.toUnsignedInt(header.getShort(10));
            if (major != MAJOR_VERSION) {
                throw new WeightFileException(
                        Problem.UNSUPPORTED_VERSION,
                        file,
                        null,
                        String.format(
                                Locale.ROOT,
                                "format version %d.%d is not one this netc reads (%d.x); %s",
                                major,
                                minor,
                                MAJOR_VERSION,
                                major > MAJOR_VERSION
                                        ? "it was written by a newer netc"
                                        : "it was written by an older netc"));
            }
            int stored = header.getInt(HEADER_BYTES - 4);
            int computed = crc(header.array(), 0, HEADER_BYTES - 4);
            if (stored != computed) {
                throw checksumMismatch(file, "header", stored, computed);
            }
            String kind = new String(header.array(), 12, 4, StandardCharsets.ISO_8859_1);
            long count = Integer.toUnsignedLong(header.getInt(16));
            if (!KIND.matcher(kind).matches() || count > MAX_SECTIONS) {
                throw new WeightFileException(
                        Problem.MALFORMED,
                        file,
                        "header",
                        String.format(
                                Locale.ROOT,
                                "expected a kind of 4 letters and at most %d sections, found kind '%s' and %d sections",
                                MAX_SECTIONS,
                                kind,
                                count));
            }
            List<Section> sections = readSections(channel, size, (int) count, file);
            return new SectionFile(file, kind, minor, sections);
        } catch (WeightFileException e) {
            throw e;
        } catch (IOException e) {
            throw new WeightFileException(
                    Problem.IO_ERROR, file, null, "cannot read: " + IoErrors.describe(e, file), e);
        }
    }

    private static void checkMagic(ByteBuffer header, long size, String file) throws WeightFileException {
        byte[] start = Arrays.copyOf(header.array(), Math.min(header.limit(), MAGIC.length));
        if (size == 0) {
            throw new WeightFileException(Problem.NOT_A_WEIGHT_FILE, file, null, "not a netc weight file: it is empty");
        }
        boolean prefix = Arrays.equals(start, 0, start.length, MAGIC, 0, start.length);
        if (!prefix) {
            throw new WeightFileException(
                    Problem.NOT_A_WEIGHT_FILE,
                    file,
                    null,
                    "not a netc weight file: expected the bytes " + HEX.formatHex(MAGIC) + " at the start, found "
                            + HEX.formatHex(start));
        }
        if (size < HEADER_BYTES) {
            throw truncated(file, "header", HEADER_BYTES, size);
        }
    }

    private static List<Section> readSections(FileChannel channel, long size, int count, String file)
            throws IOException {
        List<Section> sections = new ArrayList<>(count);
        Set<String> names = new LinkedHashSet<>();
        long position = HEADER_BYTES;
        for (int index = 0; index < count; index++) {
            String where = "section " + (index + 1) + " of " + count;
            if (size - position < 1) {
                throw truncated(file, where, position + 1, size);
            }
            int nameLength =
                    Byte.toUnsignedInt(readAt(channel, position, 1, file).get(0));
            long introLength = 1L + nameLength + Long.BYTES;
            if (size - position < introLength) {
                throw truncated(file, where, position + introLength, size);
            }
            ByteBuffer intro = readAt(channel, position, (int) introLength, file);
            String name = new String(intro.array(), 1, nameLength, StandardCharsets.ISO_8859_1);
            if (!SECTION_NAME.matcher(name).matches()) {
                throw new WeightFileException(
                        Problem.MALFORMED,
                        file,
                        where + " at byte " + position,
                        "expected a section name of lower-case letters, digits, '_', '.' or '-', found '"
                                + name.replaceAll("[^\\x20-\\x7E]", "?") + "'");
            }
            where = "section '" + name + "'";
            if (!names.add(name)) {
                throw new WeightFileException(
                        Problem.UNEXPECTED_SECTION, file, where, "appears twice; expected each section once");
            }
            long length = intro.getLong(1 + nameLength);
            long payloadStart = position + introLength;
            long available = size - payloadStart - Integer.BYTES;
            if (length < 0 || length > available) {
                throw new WeightFileException(
                        Problem.TRUNCATED,
                        file,
                        where,
                        String.format(
                                Locale.ROOT,
                                "declares %s payload bytes and a checksum at byte %d, but the file has only %d bytes",
                                Long.toUnsignedString(length),
                                payloadStart,
                                size));
            }
            if (length > MAX_SECTION_BYTES) {
                throw new WeightFileException(
                        Problem.MALFORMED,
                        file,
                        where,
                        String.format(
                                Locale.ROOT,
                                "%d bytes is more than netc reads into memory (%d)",
                                length,
                                MAX_SECTION_BYTES));
            }
            byte[] payload = new byte[(int) length];
            readFully(channel, ByteBuffer.wrap(payload), payloadStart, file);
            CRC32C crc = new CRC32C();
            crc.update(intro.array());
            crc.update(payload);
            int stored =
                    readAt(channel, payloadStart + length, Integer.BYTES, file).getInt(0);
            if (stored != (int) crc.getValue()) {
                throw checksumMismatch(file, where, stored, (int) crc.getValue());
            }
            sections.add(new Section(name, payload));
            position = payloadStart + length + Integer.BYTES;
        }
        if (position != size) {
            throw new WeightFileException(
                    Problem.TRAILING_BYTES,
                    file,
                    null,
                    String.format(
                            Locale.ROOT,
                            "file has %d unexpected trailing bytes after its last section (which ends at byte %d)",
                            size - position,
                            position));
        }
        return sections;
    }

    /** Exactly {@code length} bytes from {@code position}, little-endian. */
    private static ByteBuffer readAt(FileChannel channel, long position, int length, String file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, buffer, position, file);
        return buffer;
    }

    /** Fills {@code buffer} from byte {@code position} of the file; a file that shrinks meanwhile is truncated. */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position, String file) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw truncated(file, null, at + buffer.remaining(), at);
            }
            at += read;
        }
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static WeightFileException truncated(String file, String where, long needed, long size) {
        return new WeightFileException(
                Problem.TRUNCATED,
                file,
                where,
                String.format(Locale.ROOT, "truncated: expected at least %d bytes, the file has %d", needed, size));
    }

    private static WeightFileException checksumMismatch(String file, String where, int stored, int computed) {
        return new WeightFileException(
                Problem.CHECKSUM_MISMATCH,
                file,
                where,
                String.format(
                        Locale.ROOT,
                        "checksum mismatch: stored CRC32C %08x, computed %08x; the file is corrupt",
                        stored,
                        computed));
    }
}
