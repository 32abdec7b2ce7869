package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** Unbalanced classes: 7, 30 and 13 samples; feature = the sample's own row number, to trace it. */
    private static Dataset unbalanced() {
        int[] sizes = {7, 30, 13};
        int total = Arrays.stream(sizes).sum();
        float[] features = new float[total];
        float[] classes = new float[total];
        for (int row = 0; row < total; row++) {
            features[row] = row;
            classes[row] = (row * 7) % total < sizes[0] ? 0 : (row * 7) % total < sizes[0] + sizes[1] ? 1 : 2;
        }
        return Dataset.ofClasses(features, new int[] {1}, classes, 3);
    }

    @Test
    void stratifiedSplitKeepsEachClassWithinOneSampleOfItsShare() {
        Dataset data = unbalanced();
        int[] counts = data.classCounts();
        int checked = 0;
        for (double fraction : new double[] {0.1, 0.3, 0.5, 0.77}) {
            for (long seed = 0; seed < 5; seed++) {
                Split split = Splits.stratified(data, fraction, seed);
                int[] test = split.test().classCounts();
                int[] train = split.train().classCounts();
                for (int c = 0; c < counts.length; c++) {
                    assertTrue(Math.abs(test[c] - counts[c] * fraction) <= 0.5, "class " + c + " at " + fraction);
                    assertEquals(counts[c], test[c] + train[c]);
                }
                assertPartition(data, split.train(), split.test());
                checked++;
            }
        }
        assertEquals(20, checked);
    }

    @Test
    void irisSplitsSeventyThirtyInEveryClass() {
        Dataset iris = CsvDataset.builder().classColumn("species").build().read(CsvDatasetTest.IRIS);

        Split split = Splits.stratified(iris, 0.3, 42);

        assertArrayEquals(new int[] {15, 15, 15}, split.test().classCounts());
        assertArrayEquals(new int[] {35, 35, 35}, split.train().classCounts());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Dataset data = unbalanced();

        float[] first = Splits.stratified(data, 0.3, 7).test().features();
        float[] again = Splits.stratified(data, 0.3, 7).test().features();
        float[] other = Splits.stratified(data, 0.3, 8).test().features();

        assertArrayEquals(first, again);
        assertNotEquals(Arrays.toString(first), Arrays.toString(other));
        float[] sorted = first.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, first, "each part keeps the original order");
    }

    @Test
    void foldsPartitionTheDataAndStayStratified() {
        Dataset data = unbalanced();
        int[] counts = data.classCounts();

        List<Split> folds = Splits.stratifiedFolds(data, 4, 3);

        assertEquals(4, folds.size());
        boolean[] tested = new boolean[data.size()];
        for (Split fold : folds) {
            assertPartition(data, fold.train(), fold.test());
            int size = fold.test().size();
            assertTrue(size == data.size() / 4 || size == data.size() / 4 + 1, "fold size " + size);
            int[] test = fold.test().classCounts();
            for (int c = 0; c < counts.length; c++) {
                assertTrue(test[c] == counts[c] / 4 || test[c] == (counts[c] + 3) / 4, "class " + c + ": " + test[c]);
            }
            for (int i = 0; i < fold.test().size(); i++) {
                int row = (int) fold.test().feature(i, 0);
                assertTrue(!tested[row], "row " + row + " is in two test folds");
                tested[row] = true;
            }
        }
        for (int row = 0; row < tested.length; row++) {
            assertTrue(tested[row], "row " + row + " is in no test fold");
        }
    }

    @Test
    void shuffledSplitsAnyData() {
        float[] features = new float[20];
        for (int i = 0; i < features.length; i++) {
            features[i] = i;
        }
        Dataset values = Dataset.ofTargets(features, new int[] {1}, features.clone(), 1);

        Split split = Splits.shuffled(values, 0.25, 1);

        assertEquals(5, split.test().size());
        assertPartition(values, split.train(), split.test());
    }

    @Test
    void impossibleSplitsAreRefused() {
        Dataset values = Dataset.ofTargets(new float[] {1, 2}, new int[] {1}, new float[] {1, 2}, 1);
        Dataset three = Dataset.ofClasses(new float[] {1, 2, 3}, new int[] {1}, new float[] {0, 1, 1}, 2);

        DataException noClasses = assertThrows(DataException.class, () -> Splits.stratified(values, 0.5, 0));
        DataException emptyTest = assertThrows(DataException.class, () -> Splits.stratified(three, 0.1, 0));
        DataException tooManyFolds = assertThrows(DataException.class, () -> Splits.stratifiedFolds(three, 4, 0));

        assertEquals(
                "a stratified split needs class labels; expected targets CLASS_INDEX or ONE_HOT, found VALUES"
                        + " (Splits.shuffled splits any data)",
                noClasses.getMessage());
        assertEquals(
                "a test fraction of 0.1 of 3 samples leaves the test set empty; expected samples in both",
                emptyTest.getMessage());
        assertEquals(
                "cannot make 4 folds of 3 samples: expected at least one sample per fold", tooManyFolds.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.stratified(three, 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedFolds(three, 1, 0));
    }

    /** Train and test are disjoint and together are the data (features hold row numbers). */
    private static void assertPartition(Dataset data, Dataset train, Dataset test) {
        assertEquals(data.size(), train.size() + test.size());
        boolean[] seen = new boolean[data.size()];
        for (Dataset part : List.of(train, test)) {
            for (int i = 0; i < part.size(); i++) {
                int row = (int) part.feature(i, 0);
                assertTrue(!seen[row], "row " + row + " twice");
                seen[row] = true;
            }
        }
    }
}
