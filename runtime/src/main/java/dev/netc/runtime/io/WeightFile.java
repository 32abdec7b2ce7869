package dev.netc.runtime.io;

import dev.netc.runtime.io.SectionFile.Section;
import dev.netc.runtime.io.WeightFileException.Problem;
import dev.netc.spec.CheckedNetwork;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A trained network's parameters with what is needed to use them safely: the architecture they belong to, the
 * preprocessing the network was trained with and, for a classifier, the names of its classes. Saved in netc's own
 * format (see {@code docs/weights.md}): a magic number, a format version, then checksummed sections {@code
 * architecture}, {@code parameters} (float32, little-endian, in the {@link dev.netc.spec.ParameterLayout parameter
 * layout}) and, when there are any, {@code preprocessing} and {@code classes}. Saving is atomic ({@link
 * AtomicFiles}); reading checks every length, checksum and the architecture before any parameter is used.
 *
 * <pre>{@code
 * WeightFile.of(checked, parameters).save(Path.of("iris.netc"));
 * float[] parameters = WeightFile.read(Path.of("iris.netc")).parametersFor(Architecture.of(checked));
 * }</pre>
 *
 * <p>Checkpoints use the same container with the kind {@code CKPT}: these sections, encoded as here (see {@link
 * #sections()}), plus their own. Instances are immutable.
 */
public final class WeightFile {

    /** The container kind of a weight file. */
    static final String KIND = "WGHT";

    static final String PARAMETERS = "parameters";

    /** The sections a weight file may have, in file order. */
    static final List<String> SECTIONS =
            List.of(ArchitectureCodec.SECTION, PARAMETERS, PreprocessingCodec.SECTION, ClassesCodec.SECTION);

    private final String source;
    private final int minorVersion;
    private final Architecture architecture;
    private final float[] parameters;
    private final List<SavedTransform> preprocessing;
    private final List<String> classes;

    private WeightFile(
            String source,
            int minorVersion,
            Architecture architecture,
            float[] parameters,
            List<SavedTransform> preprocessing,
            List<String> classes) {
        this.source = source;
        this.minorVersion = minorVersion;
        this.architecture = architecture;
        this.parameters = parameters;
        this.preprocessing = List.copyOf(preprocessing);
        this.classes = List.copyOf(classes);
    }

    /**
     * Weights to save.
     *
     * @param parameters in the architecture's layout (copied)
     * @param preprocessing the fitted preprocessing steps, in the order they apply; empty for none
     * @throws IllegalArgumentException if the number of parameters is not the architecture's
     */
    public static WeightFile of(Architecture architecture, float[] parameters, List<SavedTransform> preprocessing) {
        Objects.requireNonNull(architecture, "architecture");
        if (parameters.length != architecture.parameterCount()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "network %s has %d parameters, found %d",
                    architecture.network(),
                    architecture.parameterCount(),
                    parameters.length));
        }
        return new WeightFile(
                "weights of " + architecture.network(),
                SectionFile.MINOR_VERSION,
                architecture,
                parameters.clone(),
                preprocessing,
                List.of());
    }

    /**
     * These weights with the names of the classifier's classes, class {@code i} at index {@code i}: those of the
     * training data ({@link dev.netc.runtime.data.Dataset#classNames()}), so that data read later numbers its labels
     * the same way.
     *
     * @throws IllegalArgumentException if the names are not as many as the classes the output encodes (its size, or 2
     *     for one output), or one is repeated
     */
    public WeightFile withClasses(List<String> classNames) {
        List<String> names = List.copyOf(classNames);
        if (names.size() != architecture.classCount()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "network %s's output encodes %d classes, found %d class names %s",
                    architecture.network(),
                    architecture.classCount(),
                    names.size(),
                    names));
        }
        if (Set.copyOf(names).size() != names.size()) {
            throw new IllegalArgumentException("class names must be distinct, found " + names);
        }
        return new WeightFile(source, minorVersion, architecture, parameters, preprocessing, names);
    }

    /**
     * These weights with the class names of the data they were trained on, when those name every class the output
     * encodes ({@link #withClasses}); otherwise, for regression data (which names none) or data that lacks a class,
     * these weights as they are.
     */
    public WeightFile withClassesOf(List<String> trainingClassNames) {
        return trainingClassNames.size() == architecture.classCount() ? withClasses(trainingClassNames) : this;
    }

    /** Weights of a checked network, without preprocessing. */
    public static WeightFile of(CheckedNetwork network, float[] parameters) {
        return of(Architecture.of(network), parameters, List.of());
    }

    /**
     * Reads and checks a weight file: magic number, version, kind, every checksum and length, and the consistency of
     * the architecture with the parameters.
     *
     * @throws WeightFileException naming the file and, where it applies, the section, with what was expected and what
     *     was found
     */
    public static WeightFile read(Path path) throws WeightFileException {
        SectionFile container = SectionFile.read(path);
        String file = container.file();
        if (!container.kind().equals(KIND)) {
            throw new WeightFileException(
                    Problem.NOT_A_WEIGHT_FILE,
                    file,
                    null,
                    "expected a weight file (kind " + KIND + "), found a netc file of kind " + container.kind()
                            + (container.kind().equals(Checkpoint.KIND)
                                    ? "; read it with Checkpoint.read, whose weights() are its weights"
                                    : ""));
        }
        rejectUnknownSections(container);
        return decode(container);
    }

    /**
     * The weights in {@code container}'s sections {@code architecture}, {@code parameters}, {@code preprocessing} and
     * {@code classes}.
     */
    static WeightFile decode(SectionFile container) throws WeightFileException {
        String file = container.file();
        Architecture architecture = ArchitectureCodec.decode(require(container, ArchitectureCodec.SECTION), file);
        float[] parameters = decodeParameters(require(container, PARAMETERS), architecture, file);
        List<SavedTransform> preprocessing =
                container.section(PreprocessingCodec.SECTION).isPresent()
                        ? PreprocessingCodec.decode(require(container, PreprocessingCodec.SECTION), file)
                        : List.of();
        List<String> classes = container.section(ClassesCodec.SECTION).isPresent()
                ? ClassesCodec.decode(require(container, ClassesCodec.SECTION), architecture.classCount(), file)
                : List.of();
        return new WeightFile(file, container.minorVersion(), architecture, parameters, preprocessing, classes);
    }

    /** Saves atomically: a crash at any point leaves the old file or the new one. */
    public void save(Path path) throws WeightFileException {
        SectionFile.write(path, KIND, sections());
    }

    /**
     * The parameters, checked to fit {@code network}: same input size, layers and tensor shapes (see {@link
     * Architecture}; activations and names of the network class may differ).
     *
     * @return a copy of the parameters, in the network's layout
     * @throws WeightFileException {@link Problem#ARCHITECTURE_MISMATCH} listing every difference (for example
     *     {@code tensor 'dense1.weight': file [64, 4] vs network [8, 4]}) and showing both architectures
     */
    public float[] parametersFor(Architecture network) throws WeightFileException {
        List<String> differences = ShapeSignature.differences(architecture, network);
        if (!differences.isEmpty()) {
            throw new WeightFileException(
                    Problem.ARCHITECTURE_MISMATCH,
                    source,
                    null,
                    "the weights do not fit network " + network.network() + ":\n  " + String.join("\n  ", differences)
                            + "\nthe file's network:\n" + architecture.describe()
                            + "\nthe network loading it:\n" + network.describe());
        }
        return parameters.clone();
    }

    /** The architecture the weights were saved for. */
    public Architecture architecture() {
        return architecture;
    }

    /** A copy of the parameters, unchecked (use {@link #parametersFor} to load them into a network). */
    public float[] parameters() {
        return parameters.clone();
    }

    /** The fitted preprocessing steps saved with the weights, in the order they apply; empty when there are none. */
    public List<SavedTransform> preprocessing() {
        return preprocessing;
    }

    /**
     * The names of the classes the network was trained on, class {@code i} at index {@code i}; empty when the file
     * does not record them (a regression network, weights saved without them, or a file of format 1.0).
     */
    public List<String> classes() {
        return classes;
    }

    /** The format version the weights were read in (or are saved in), for example {@code 1.0}. */
    public String formatVersion() {
        return SectionFile.MAJOR_VERSION + "." + minorVersion;
    }

    /** The file the weights were read from, or a description of where they came from. */
    public String source() {
        return source;
    }

    /** The sections of this weight file, for a checkpoint to store alongside its own. */
    List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(ArchitectureCodec.SECTION, ArchitectureCodec.encode(architecture)));
        sections.add(new Section(PARAMETERS, PayloadWriter.littleEndian(parameters)));
        if (!preprocessing.isEmpty()) {
            sections.add(new Section(PreprocessingCodec.SECTION, PreprocessingCodec.encode(preprocessing)));
        }
        if (!classes.isEmpty()) {
            sections.add(new Section(ClassesCodec.SECTION, ClassesCodec.encode(classes)));
        }
        return sections;
    }

    /**
     * Sections this netc does not know are refused in files of its own minor version or older (they can only be
     * corruption or a bug) and skipped in newer ones, whose minor version may add sections.
     */
    private static void rejectUnknownSections(SectionFile container) throws WeightFileException {
        if (container.minorVersion() > SectionFile.MINOR_VERSION) {
            return;
        }
        for (Section section : container.sections()) {
            if (!SECTIONS.contains(section.name())) {
                throw new WeightFileException(
                        Problem.UNEXPECTED_SECTION,
                        container.file(),
                        "section '" + section.name() + "'",
                        "expected only the sections " + SECTIONS + " in a weight file of format 1."
                                + container.minorVersion());
            }
        }
    }

    /** The payload of the section {@code name}, which a file of its kind must have. */
    static byte[] require(SectionFile container, String name) throws WeightFileException {
        return container
                .section(name)
                .orElseThrow(() -> new WeightFileException(
                        Problem.MISSING_SECTION,
                        container.file(),
                        null,
                        "expected a section '" + name + "', found only "
                                + container.sections().stream()
                                        .map(Section::name)
                                        .toList()))
                .payload();
    }

    private static float[] decodeParameters(byte[] payload, Architecture architecture, String file)
            throws WeightFileException {
        long expected = architecture.parameterCount() * Float.BYTES;
        if (payload.length != expected) {
            throw new WeightFileException(
                    Problem.MALFORMED,
                    file,
                    "section '" + PARAMETERS + "'",
                    String.format(
                            Locale.ROOT,
                            "expected %d bytes (%d float32 parameters of network %s), found %d",
                            expected,
                            architecture.parameterCount(),
                            architecture.network(),
                            payload.length));
        }
        float[] parameters = new float[(int) architecture.parameterCount()];
        ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(parameters);
        return parameters;
    }
}
