package dev.netc.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class BlockTaskTest {

    private static final TileExecutor TWO_THREADS = new TileExecutor(2);

    @Test
    void everySampleIsInExactlyOneBlockWhateverTheCount() {
        for (int count : new int[] {0, 1, 63, 64, 65, 128, 200, 1000}) {
            Recording task = new Recording(TWO_THREADS, count);
            task.runBlocks(count, 64, 10_000);
            for (int s = 0; s < count; s++) {
                assertEquals(1, task.visits.get(s), "sample " + s + " of " + count);
            }
            assertEquals((count + 63) / 64, task.blocks.size(), "blocks of " + count);
        }
    }

    @Test
    void aLargeBatchIsSharedWithTheOtherThread() {
        Recording task = new Recording(TWO_THREADS, 640) {
            @Override
            protected void runBlock(int first, int rows) {
                super.runBlock(first, rows);
                LockSupport.parkNanos(2_000_000); // long enough that the worker claims some blocks
            }
        };
        task.runBlocks(640, 64, 10_000);
        assertEquals(2, task.threads.size(), "threads that ran blocks: " + task.threads);
    }

    @Test
    void oneBlockOrLittleWorkRunsOnTheCaller() {
        Recording oneBlock = new Recording(TWO_THREADS, 64);
        oneBlock.runBlocks(64, 64, 1_000_000);
        assertEquals(Set.of(Thread.currentThread()), oneBlock.threads);

        Recording littleWork = new Recording(TWO_THREADS, 640);
        littleWork.runBlocks(640, 64, 10); // 6,400 multiply-adds: below the hand-over's cost
        assertEquals(Set.of(Thread.currentThread()), littleWork.threads);
        assertEquals(10, littleWork.blocks.size());
    }

    @Test
    void aFailureInABlockReachesTheCaller() {
        IllegalStateException failure = new IllegalStateException("block 5");
        BlockTask task = new BlockTask(TWO_THREADS) {
            @Override
            protected void runBlock(int first, int rows) {
                if (first == 5 * 64) {
                    throw failure;
                }
            }
        };
        assertSame(failure, assertThrows(IllegalStateException.class, () -> task.runBlocks(640, 64, 10_000)));
    }

    @Test
    void badArgumentsAreRejected() {
        Recording task = new Recording(TWO_THREADS, 1);
        assertThrows(IllegalArgumentException.class, () -> task.runBlocks(10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> task.runBlocks(-1, 64, 1));
    }

    /** Records which samples, blocks and threads ran. */
    private static class Recording extends BlockTask {
        final AtomicIntegerArray visits;
        final Set<Integer> blocks = ConcurrentHashMap.newKeySet();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        Recording(TileExecutor executor, int count) {
            super(executor);
            visits = new AtomicIntegerArray(count);
        }

        @Override
        protected void runBlock(int first, int rows) {
            assertTrue(rows >= 1 && rows <= 64, "rows " + rows);
            blocks.add(first);
            threads.add(Thread.currentThread());
            for (int s = first; s < first + rows; s++) {
                visits.incrementAndGet(s);
            }
        }
    }
}
