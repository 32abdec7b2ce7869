package dev.netc.runtime.kernel;

/**
 * The blocks of one batch, shared out among the threads of {@link DenseKernels}: a generated class's {@code
 * predictBatch} computes its samples in blocks of {@code BLOCK_ROWS}, each block on whichever of those threads claims
 * it, in that thread's workspace. Whole blocks, rather than the kernel calls inside one, are the unit of work here
 * because a batch's samples do not depend on each other: the threads meet once per batch instead of once per layer
 * and block, and the element-wise work between the kernel calls is shared too. A block computes each of its samples
 * exactly as a batch of that one sample would, so results do not depend on the number of threads.
 *
 * <p>A subclass holds the arguments of the call in fields, set before {@link #runBlocks} and read by {@link
 * #runBlock}; one instance per calling thread is reused call after call, so that a call allocates nothing once warm.
 * The kernel calls inside a block may still be shared with threads that have no block left to run.
 */
public abstract class BlockTask {

    private final TileExecutor threads;
    private final Job job = new Job();
    private int count;
    private int blockRows;

    /** A task whose blocks run on the threads of {@link DenseKernels}. */
    protected BlockTask() {
        this(DenseKernels.threads());
    }

    /** A task whose blocks run on {@code threads}: for tests. */
    BlockTask(TileExecutor threads) {
        this.threads = threads;
    }

    /** Computes samples {@code first} to {@code first + rows - 1}; called on any of the kernels' threads. */
    protected abstract void runBlock(int first, int rows);

    /**
     * Runs {@link #runBlock} over {@code count} samples in blocks of {@code blockRows}, the last holding what is left,
     * and returns when all are done. One block, or less work than repays the hand-over ({@code count x
     * multiplyAddsPerRow}), runs on the caller alone. A failure in any block is rethrown here.
     */
    protected final void runBlocks(int count, int blockRows, long multiplyAddsPerRow) {
        if (blockRows < 1 || count < 0) {
            throw new IllegalArgumentException("blocks of " + blockRows + " rows over " + count + " samples");
        }
        int blocks = (int) ((count + (long) blockRows - 1) / blockRows);
        if (blocks < 2 || threads.threads() < 2 || count * multiplyAddsPerRow < TiledDense.PARALLEL_MULTIPLY_ADDS) {
            for (int first = 0; first < count; first += blockRows) {
                runBlock(first, Math.min(blockRows, count - first));
            }
            return;
        }
        this.count = count;
        this.blockRows = blockRows;
        threads.run(job, blocks);
    }

    /** Block {@code t} is samples {@code t * blockRows} onwards. */
    private final class Job extends TileJob {
        @Override
        void runTile(int tile) {
            int first = tile * blockRows;
            runBlock(first, Math.min(blockRows, count - first));
        }
    }
}
