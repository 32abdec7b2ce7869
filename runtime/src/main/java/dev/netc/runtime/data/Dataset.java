package dev.netc.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Samples for a network: float features and their targets, both flat row-major arrays in the layout that {@code
 * Network.predictBatch} and {@code TrainableNetwork.lossAndGradient} take, so that a loaded data set goes to a
 * generated network without conversion.
 *
 * <p><b>Storage and views.</b> A data set made by a factory or a loader owns its arrays: sample {@code s} has the
 * features {@code features[s * featureSize() ..]} and the targets {@code targets[s * targetWidth() ..]}. {@link
 * #slice} and {@link #select} make <i>views</i> that share those arrays and hold only row numbers, so splitting,
 * shuffling or taking folds of a 188 MB image set costs a few bytes per sample, never a copy of the feature matrix.
 * {@link #features()} hands out the stored array itself when the data set is not a view, and a compact copy when it
 * is.
 *
 * <p><b>Immutability.</b> No method of this class modifies the arrays. The factories take the caller's arrays without
 * copying them (a copy would double the memory of a large set), so the caller must not change them afterwards; the
 * arrays that {@link #features()} and {@link #targets()} return must not be changed either. A data set can then be
 * shared between threads freely.
 *
 * <p><b>Targets.</b> {@link TargetKind} says what the targets are. Class-labelled data ({@link TargetKind#CLASS_INDEX}
 * or {@link TargetKind#ONE_HOT}) carries its class names: index {@code i} is {@code classNames().get(i)}. That list is
 * the vocabulary to save beside the weights, so that a prediction's index can be named.
 */
public final class Dataset {

    private final float[] features;
    private final float[] targets;
    private final int[] featureShape;
    private final int featureSize;
    private final TargetKind targetKind;
    private final int targetWidth;
    private final List<String> classNames;
    private final List<String> featureNames;
    /** Stored row of each view row from {@link #first}, or null when view row {@code r} is stored row first + r. */
    private final int[] rowMap;

    private final int first;
    private final int size;

    private Dataset(
            float[] features,
            float[] targets,
            int[] featureShape,
            TargetKind targetKind,
            int targetWidth,
            List<String> classNames,
            List<String> featureNames,
            int[] rowMap,
            int first,
            int size) {
        this.features = features;
        this.targets = targets;
        this.featureShape = featureShape;
        this.featureSize = DatasetArguments.featureSize(featureShape);
        this.targetKind = targetKind;
        this.targetWidth = targetWidth;
        this.classNames = classNames;
        this.featureNames = featureNames;
        this.rowMap = rowMap;
        this.first = first;
        this.size = size;
    }

    /**
     * Class-labelled samples (targets {@link TargetKind#CLASS_INDEX}).
     *
     * @param features row-major, {@code featureShape}'s product of values per sample; kept, not copied
     * @param featureShape the shape of one sample, e.g. {@code {4}} or {@code {28, 28}}
     * @param classIndices one class index per sample, a whole number from 0 to {@code classNames.size() - 1}; kept,
     *     not copied
     * @param classNames the name of each class, at least one, no duplicates
     * @throws IllegalArgumentException if the lengths disagree or a class index is out of range
     */
    public static Dataset ofClasses(
            float[] features, int[] featureShape, float[] classIndices, List<String> classNames) {
        int[] shape = DatasetArguments.shape(featureShape);
        int rows = DatasetArguments.rows(features, DatasetArguments.featureSize(shape));
        List<String> names = DatasetArguments.classNames(classNames);
        DatasetArguments.requireClassIndices(classIndices, rows, names.size());
        return new Dataset(features, classIndices, shape, TargetKind.CLASS_INDEX, 1, names, List.of(), null, 0, rows);
    }

    /**
     * Class-labelled samples whose classes are named by their indices, {@code "0", "1", ...} (as for digits).
     *
     * @see #ofClasses(float[], int[], float[], List)
     */
    public static Dataset ofClasses(float[] features, int[] featureShape, float[] classIndices, int classCount) {
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount: expected at least 1, found " + classCount);
        }
        List<String> names = new ArrayList<>(classCount);
        for (int i = 0; i < classCount; i++) {
            names.add(Integer.toString(i));
        }
        return ofClasses(features, featureShape, classIndices, names);
    }

    /**
     * Samples with real-valued targets ({@link TargetKind#VALUES}).
     *
     * @param features row-major, {@code featureShape}'s product of values per sample; kept, not copied
     * @param targets row-major, {@code targetWidth} values per sample; kept, not copied
     * @throws IllegalArgumentException if the lengths disagree
     */
    public static Dataset ofTargets(float[] features, int[] featureShape, float[] targets, int targetWidth) {
        int[] shape = DatasetArguments.shape(featureShape);
        int rows = DatasetArguments.rows(features, DatasetArguments.featureSize(shape));
        if (targetWidth < 1) {
            throw new IllegalArgumentException("targetWidth: expected at least 1, found " + targetWidth);
        }
        DatasetArguments.requireLength("targets", targets.length, rows, targetWidth);
        return new Dataset(
                features, targets, shape, TargetKind.VALUES, targetWidth, List.of(), List.of(), null, 0, rows);
    }

    /**
     * Samples without targets ({@link TargetKind#NONE}), e.g. to predict.
     *
     * @param features row-major, {@code featureShape}'s product of values per sample; kept, not copied
     * @throws IllegalArgumentException if the length is not a multiple of the sample size
     */
    public static Dataset unlabelled(float[] features, int[] featureShape) {
        int[] shape = DatasetArguments.shape(featureShape);
        int rows = DatasetArguments.rows(features, DatasetArguments.featureSize(shape));
        return new Dataset(features, new float[0], shape, TargetKind.NONE, 0, List.of(), List.of(), null, 0, rows);
    }

    /**
     * This data set with names for its features (a CSV header's), which messages about a feature then use. Shares
     * the arrays.
     *
     * @param names one per feature, or none to remove the names
     * @throws IllegalArgumentException if there are names but not {@link #featureSize()} of them
     */
    public Dataset withFeatureNames(List<String> names) {
        List<String> copy = List.copyOf(names);
        if (!copy.isEmpty() && copy.size() != featureSize) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "names: expected %d feature names, found %d", featureSize, copy.size()));
        }
        return new Dataset(
                features, targets, featureShape, targetKind, targetWidth, classNames, copy, rowMap, first, size);
    }

    /** The number of samples. */
    public int size() {
        return size;
    }

    /** The number of feature values per sample, the product of {@link #featureShape()}. */
    public int featureSize() {
        return featureSize;
    }

    /** The shape of one sample's features, e.g. {@code [28, 28]} for an MNIST image (a copy). */
    public int[] featureShape() {
        return featureShape.clone();
    }

    /** The features' names (from a CSV header), or an empty list when they have none. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** What the targets are. */
    public TargetKind targetKind() {
        return targetKind;
    }

    /** The number of target values per sample: 1 for class indices, the class count for one-hot, 0 for none. */
    public int targetWidth() {
        return targetWidth;
    }

    /** The number of classes of class-labelled data; 0 for other data. */
    public int classCount() {
        return classNames.size();
    }

    /** The class names of class-labelled data, index {@code i} naming class {@code i}; empty for other data. */
    public List<String> classNames() {
        return classNames;
    }

    /** Feature {@code column} of sample {@code row}. */
    public float feature(int row, int column) {
        Objects.checkIndex(column, featureSize);
        return features[storedRow(row) * featureSize + column];
    }

    /** Target value {@code column} of sample {@code row}. */
    public float target(int row, int column) {
        Objects.checkIndex(column, targetWidth);
        return targets[storedRow(row) * targetWidth + column];
    }

    /**
     * The class of sample {@code row}.
     *
     * @throws IllegalStateException if the data is not class-labelled
     */
    public int classIndex(int row) {
        int base = storedRow(row) * targetWidth;
        if (targetKind == TargetKind.CLASS_INDEX) {
            return (int) targets[base];
        }
        if (targetKind == TargetKind.ONE_HOT) {
            int best = 0;
            for (int c = 1; c < targetWidth; c++) {
                if (targets[base + c] > targets[base + best]) {
                    best = c;
                }
            }
            return best;
        }
        throw new IllegalStateException("the data set has no class labels (targets: " + targetKind + ")");
    }

    /**
     * How many samples each class has, indexed by class.
     *
     * @throws IllegalStateException if the data is not class-labelled
     */
    public int[] classCounts() {
        if (classNames.isEmpty()) {
            throw new IllegalStateException("the data set has no class labels (targets: " + targetKind + ")");
        }
        int[] counts = new int[classNames.size()];
        for (int row = 0; row < size; row++) {
            counts[classIndex(row)]++;
        }
        return counts;
    }

    /**
     * Copies the features of sample {@code row} into {@code destination} from {@code offset}.
     *
     * @param destination receives {@link #featureSize()} values (modified)
     */
    public void copyFeatures(int row, float[] destination, int offset) {
        System.arraycopy(features, storedRow(row) * featureSize, destination, offset, featureSize);
    }

    /**
     * Copies the targets of sample {@code row} into {@code destination} from {@code offset}.
     *
     * @param destination receives {@link #targetWidth()} values (modified)
     */
    public void copyTargets(int row, float[] destination, int offset) {
        System.arraycopy(targets, storedRow(row) * targetWidth, destination, offset, targetWidth);
    }

    /**
     * All features, row-major, exactly {@code size() * featureSize()} values: the stored array itself when this data
     * set is not a view (no copy: pass it straight to {@code predictBatch}), otherwise a new compact copy. Do not
     * modify it.
     */
    public float[] features() {
        return isView() ? gather(features, featureSize) : features;
    }

    /**
     * All targets, row-major, exactly {@code size() * targetWidth()} values: the stored array itself when this data
     * set is not a view, otherwise a new compact copy. Do not modify it.
     */
    public float[] targets() {
        return isView() ? gather(targets, targetWidth) : targets;
    }

    /**
     * The samples {@code from} (inclusive) to {@code to} (exclusive), as a view: nothing is copied.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
     */
    public Dataset slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new Dataset(
                features,
                targets,
                featureShape,
                targetKind,
                targetWidth,
                classNames,
                featureNames,
                rowMap,
                first + from,
                to - from);
    }

    /**
     * The samples {@code rows[0]}, {@code rows[1]}, ... of this data set, in that order, as a view: only the row
     * numbers are copied. A permutation of {@code 0 .. size() - 1} shuffles; a subset selects; a row may repeat.
     *
     * @param rows row numbers of this data set; not modified
     * @throws IndexOutOfBoundsException if a row number is out of range
     */
    public Dataset select(int[] rows) {
        int[] stored = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            stored[i] = storedRow(rows[i]);
        }
        return new Dataset(
                features,
                targets,
                featureShape,
                targetKind,
                targetWidth,
                classNames,
                featureNames,
                stored,
                0,
                stored.length);
    }

    /** This data set if it is not a view; otherwise a copy that owns exactly its samples' features and targets. */
    public Dataset compact() {
        return isView() ? copy() : this;
    }

    @Override
    public String toString() {
        String labels =
                switch (targetKind) {
                    case NONE -> "no targets";
                    case CLASS_INDEX -> classNames.size() + " classes (class indices)";
                    case ONE_HOT -> classNames.size() + " classes (one-hot)";
                    case VALUES -> targetWidth + " target values";
                };
        return String.format(Locale.ROOT, "Dataset[%d samples of %s, %s]", size, Arrays.toString(featureShape), labels);
    }

    /** A new data set owning copies of this one's samples, which the caller may transform in place. */
    Dataset copy() {
        return new Dataset(
                gather(features, featureSize),
                gather(targets, targetWidth),
                featureShape,
                targetKind,
                targetWidth,
                classNames,
                featureNames,
                null,
                0,
                size);
    }

    /**
     * This view with one-hot targets in place of its class indices: {@code oneHot} holds {@code classCount} values
     * for every stored row, so the features and the row numbers are shared unchanged.
     */
    Dataset withOneHotTargets(float[] oneHot) {
        return new Dataset(
                features,
                oneHot,
                featureShape,
                TargetKind.ONE_HOT,
                classNames.size(),
                classNames,
                featureNames,
                rowMap,
                first,
                size);
    }

    /** The stored features of every stored row; only for transforms of a fresh {@link #copy()}. */
    float[] storedFeatures() {
        return features;
    }

    /** The stored targets of every stored row (not only this view's), for transforms that map all of them. */
    float[] storedTargets() {
        return targets;
    }

    /** The stored row that holds sample {@code row} of this data set. */
    int storedRow(int row) {
        Objects.checkIndex(row, size);
        return rowMap == null ? first + row : rowMap[first + row];
    }

    /** The name of feature {@code column} for messages: {@code feature 'petal_width' (index 3)} or {@code feature 3}. */
    String describeFeature(int column) {
        return featureNames.isEmpty()
                ? "feature " + column
                : "feature '" + featureNames.get(column) + "' (index " + column + ")";
    }

    private boolean isView() {
        return rowMap != null || first != 0 || (long) size * featureSize != features.length;
    }

    private float[] gather(float[] stored, int width) {
        float[] result = new float[size * width];
        if (rowMap == null) {
            System.arraycopy(stored, first * width, result, 0, result.length);
        } else {
            for (int row = 0; row < size; row++) {
                System.arraycopy(stored, rowMap[first + row] * width, result, row * width, width);
            }
        }
        return result;
    }
}
