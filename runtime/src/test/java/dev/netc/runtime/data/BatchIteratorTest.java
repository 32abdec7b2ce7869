package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchIteratorTest {

    /** Ten samples: features {@code [r, 100 + r]}, class {@code r % 3}. */
    private static Dataset ten() {
        float[] features = new float[20];
        float[] classes = new float[10];
        for (int r = 0; r < 10; r++) {
            features[2 * r] = r;
            features[2 * r + 1] = 100 + r;
            classes[r] = r % 3;
        }
        return Dataset.ofClasses(features, new int[] {2}, classes, 3);
    }

    @Test
    void inOrderBatchesKeepTheLastPartialBatch() {
        BatchIterator batches = BatchIterator.builder(ten(), 4).build();
        Batch batch = batches.newBatch();

        assertEquals(3, batches.batchesPerEpoch());
        assertTrue(batches.next(batch));
        assertEquals(4, batch.size());
        assertArrayEquals(new float[] {0, 100, 1, 101, 2, 102, 3, 103}, batch.features());
        assertArrayEquals(new float[] {0, 1, 2, 0}, batch.targets());
        assertTrue(batches.next(batch));
        assertTrue(batches.next(batch));
        assertEquals(2, batch.size());
        assertEquals(2, batch.index());
        assertArrayEquals(new float[] {8, 108, 9, 109}, Arrays.copyOf(batch.features(), 4));
        assertEquals(9, batch.row(1));
        assertFalse(batches.next(batch));
        assertEquals(2, batch.index(), "unchanged after the end");
    }

    @Test
    void dropLastDropsThePartialBatch() {
        BatchIterator batches = BatchIterator.builder(ten(), 4).dropLast(true).build();
        Batch batch = batches.newBatch();

        assertEquals(2, batches.batchesPerEpoch());
        assertEquals(
                8,
                sizesOfOneEpoch(batches, batch).stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        assertEquals(0, BatchIterator.builder(ten(), 11).dropLast(true).build().batchesPerEpoch());
    }

    @Test
    void shuffledEpochsVisitEverySampleOnceInASeededOrder() {
        BatchIterator batches = BatchIterator.builder(ten(), 3).shuffle(11).build();
        BatchIterator same = BatchIterator.builder(ten(), 3).shuffle(11).build();
        Batch batch = batches.newBatch();

        List<Integer> epoch0 = rowsOfOneEpoch(batches, batch);
        batches.startEpoch(1);
        List<Integer> epoch1 = rowsOfOneEpoch(batches, batch);

        assertEquals(
                List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), epoch0.stream().sorted().toList());
        assertEquals(
                List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), epoch1.stream().sorted().toList());
        assertNotEquals(epoch0, epoch1);
        assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), epoch0);
        assertEquals(epoch0, rowsOfOneEpoch(same, same.newBatch()));
    }

    @Test
    void batchesCarryTheSamplesTheirRowsName() {
        Dataset data = ten();
        BatchIterator batches = BatchIterator.builder(data, 4).shuffle(5).build();
        Batch batch = batches.newBatch();
        int compared = 0;
        while (batches.next(batch)) {
            for (int i = 0; i < batch.size(); i++) {
                int row = batch.row(i);
                assertEquals(data.feature(row, 0), batch.features()[2 * i]);
                assertEquals(data.feature(row, 1), batch.features()[2 * i + 1]);
                assertEquals(data.classIndex(row), batch.targets()[i]);
                compared++;
            }
        }
        assertEquals(10, compared);
    }

    @Test
    void resumingMidEpochGivesTheBatchesOfAnUninterruptedRun() {
        BatchIterator uninterrupted =
                BatchIterator.builder(ten(), 3).shuffle(99).build();
        Batch batch = uninterrupted.newBatch();
        uninterrupted.startEpoch(5);
        rowsOfOneEpoch(uninterrupted, batch); // consume epoch 5
        uninterrupted.startEpoch(6);
        uninterrupted.next(batch);
        List<Integer> rest = rowsOfOneEpoch(uninterrupted, batch);

        BatchIterator resumed = BatchIterator.builder(ten(), 3).shuffle(99).build();
        resumed.startEpoch(6, 1);

        assertEquals(1, resumed.nextBatch());
        assertEquals(6, resumed.epoch());
        assertEquals(rest, rowsOfOneEpoch(resumed, resumed.newBatch()));
    }

    @Test
    void iteratingAllocatesNothingPerBatch() {
        int samples = 40_000;
        Dataset data = Dataset.ofClasses(new float[2 * samples], new int[] {2}, new float[samples], 1);
        BatchIterator batches = BatchIterator.builder(data, 4).shuffle(1).build();
        Batch batch = batches.newBatch();
        for (int round = 0; round < 3; round++) { // warm up, so that the JIT has compiled the loop
            batches.startEpoch(round);
            while (batches.next(batch)) {
                assertEquals(4, batch.size());
            }
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        batches.startEpoch(3);
        long before = threads.getCurrentThreadAllocatedBytes();
        int count = 0;
        while (batches.next(batch)) {
            count++;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(10_000, count);
        // One allocation per batch would be at least 16 bytes each: 160,000 bytes in all.
        assertTrue(allocated < 16_384, "bytes allocated while drawing " + count + " batches: " + allocated);
    }

    @Test
    void misuseIsRefused() {
        BatchIterator batches = BatchIterator.builder(ten(), 4).build();
        Batch other = BatchIterator.builder(ten(), 5).build().newBatch();

        IllegalArgumentException wrongBuffer = assertThrows(IllegalArgumentException.class, () -> batches.next(other));

        assertEquals(
                "batch: expected a buffer of 4 samples of 2 features and 1 targets (from newBatch()), found 5 of 2 and 1",
                wrongBuffer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchIterator.builder(ten(), 0));
        assertThrows(IllegalArgumentException.class, () -> batches.startEpoch(0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> batches.newBatch().row(0));
    }

    private static List<Integer> rowsOfOneEpoch(BatchIterator batches, Batch batch) {
        List<Integer> rows = new ArrayList<>();
        while (batches.next(batch)) {
            for (int i = 0; i < batch.size(); i++) {
                rows.add(batch.row(i));
            }
        }
        return rows;
    }

    private static List<Integer> sizesOfOneEpoch(BatchIterator batches, Batch batch) {
        List<Integer> sizes = new ArrayList<>();
        while (batches.next(batch)) {
            sizes.add(batch.size());
        }
        return sizes;
    }
}
