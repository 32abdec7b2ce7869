package dev.netc.runtime.data;

import dev.netc.runtime.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Train/test splits and k-fold cross-validation, reproducible from a seed. Every result is a pair of views (see {@link
 * Dataset#select}), so no features are copied; within each part the samples keep their original order (training
 * shuffles its batches anyway, and evaluation order does not matter).
 *
 * <p>The stratified forms keep each class's share: a class of {@code n} samples puts {@code round(n * testFraction)}
 * of them in the test set (so its count is within half a sample of the exact proportion), and spreads its samples
 * over the folds so that each fold gets {@code floor(n / k)} or {@code ceil(n / k)} of them. Which samples go where is
 * a seeded shuffle of each class, taken class by class in index order, so the same seed and data give the same split
 * on every JVM.
 */
public final class Splits {

    private Splits() {}

    /**
     * A train/test split that keeps each class's proportion.
     *
     * @param testFraction the share of each class for the test set, strictly between 0 and 1
     * @throws IllegalArgumentException if the fraction is out of range
     * @throws DataException if the data is not class-labelled, or the train or test set would be empty
     */
    public static Split stratified(Dataset data, double testFraction, long seed) {
        requireFraction(testFraction);
        int[][] byClass = rowsByClass(data);
        SeededRandom random = new SeededRandom(seed);
        boolean[] inTest = new boolean[data.size()];
        for (int[] rows : byClass) {
            Shuffle.shuffle(rows, 0, rows.length, random);
            long testCount = Math.round(rows.length * testFraction);
            for (int i = 0; i < testCount; i++) {
                inTest[rows[i]] = true;
            }
        }
        return split(data, inTest, testFraction);
    }

    /**
     * A train/test split of a random {@code round(size * testFraction)} samples, for data without classes.
     *
     * @param testFraction the share of samples for the test set, strictly between 0 and 1
     * @throws IllegalArgumentException if the fraction is out of range
     * @throws DataException if the train or test set would be empty
     */
    public static Split shuffled(Dataset data, double testFraction, long seed) {
        requireFraction(testFraction);
        int[] rows = identity(data.size());
        Shuffle.shuffle(rows, 0, rows.length, new SeededRandom(seed));
        boolean[] inTest = new boolean[data.size()];
        long testCount = Math.round(data.size() * testFraction);
        for (int i = 0; i < testCount; i++) {
            inTest[rows[i]] = true;
        }
        return split(data, inTest, testFraction);
    }

    /**
     * Stratified k-fold cross-validation: {@code folds} splits whose test sets are disjoint and together hold every
     * sample once; split {@code i} trains on the other folds. Fold sizes differ by at most one sample overall and by
     * at most one sample per class.
     *
     * @param folds at least 2
     * @throws IllegalArgumentException if {@code folds < 2}
     * @throws DataException if the data is not class-labelled or has fewer samples than folds
     */
    public static List<Split> stratifiedFolds(Dataset data, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds: expected at least 2, found " + folds);
        }
        if (data.size() < folds) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "cannot make %d folds of %d samples: expected at least one sample per fold",
                    folds,
                    data.size()));
        }
        int[][] byClass = rowsByClass(data);
        SeededRandom random = new SeededRandom(seed);
        int[] foldOf = new int[data.size()];
        int next = 0; // dealing continues across classes, so that the folds' totals stay within one sample too
        for (int[] rows : byClass) {
            Shuffle.shuffle(rows, 0, rows.length, random);
            for (int row : rows) {
                foldOf[row] = next;
                next = (next + 1) % folds;
            }
        }
        List<Split> splits = new ArrayList<>(folds);
        for (int fold = 0; fold < folds; fold++) {
            boolean[] inTest = new boolean[data.size()];
            for (int row = 0; row < foldOf.length; row++) {
                inTest[row] = foldOf[row] == fold;
            }
            splits.add(new Split(data.select(rowsWhere(inTest, false)), data.select(rowsWhere(inTest, true))));
        }
        return List.copyOf(splits);
    }

    private static Split split(Dataset data, boolean[] inTest, double testFraction) {
        int[] test = rowsWhere(inTest, true);
        int[] train = rowsWhere(inTest, false);
        if (test.length == 0 || train.length == 0) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "a test fraction of %s of %d samples leaves the %s set empty; expected samples in both",
                    testFraction,
                    data.size(),
                    test.length == 0 ? "test" : "training"));
        }
        return new Split(data.select(train), data.select(test));
    }

    /** The row numbers of each class, in row order. */
    private static int[][] rowsByClass(Dataset data) {
        if (data.classCount() == 0) {
            throw new DataException("a stratified split needs class labels; expected targets CLASS_INDEX or ONE_HOT,"
                    + " found " + data.targetKind() + " (Splits.shuffled splits any data)");
        }
        int[] counts = data.classCounts();
        int[][] byClass = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[counts.length];
        for (int row = 0; row < data.size(); row++) {
            int c = data.classIndex(row);
            byClass[c][filled[c]++] = row;
        }
        return byClass;
    }

    private static int[] rowsWhere(boolean[] flags, boolean wanted) {
        int[] rows = new int[flags.length];
        int count = 0;
        for (int row = 0; row < flags.length; row++) {
            if (flags[row] == wanted) {
                rows[count++] = row;
            }
        }
        return Arrays.copyOf(rows, count);
    }

    private static int[] identity(int size) {
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static void requireFraction(double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException(
                    "testFraction: expected a number between 0 and 1, found " + testFraction);
        }
    }
}
