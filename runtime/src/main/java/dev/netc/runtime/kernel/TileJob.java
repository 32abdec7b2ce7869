package dev.netc.runtime.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A call cut into tiles that any thread may claim: the calling thread and the {@link TileExecutor}'s workers take
 * tiles one at a time until none is left, and the caller waits only for tiles that a worker has already started, never
 * for a queue. One instance per calling thread is reused call after call, so that a call allocates nothing.
 *
 * <p>The number of tiles and the next unclaimed tile share one atomic word, and a tile is claimed by compare-and-set
 * on that word. A worker that still holds this job from an earlier call therefore either fails to claim or claims a
 * tile that really is unclaimed in the current call; either way it reads the call's arguments only after its claim
 * succeeded, which orders it after the caller wrote them.
 */
abstract class TileJob {

    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Thread waiter;
    private volatile Throwable failure;

    /** Computes one tile; called by whichever thread claimed it. */
    abstract void runTile(int tile);

    /** Opens a call of {@code tiles} tiles; the arguments that {@link #runTile} reads must be set before. */
    final void open(int tiles) {
        failure = null;
        finished.set(0);
        claims.set((long) tiles << 32);
    }

    /** Whether a tile is left to claim. */
    final boolean hasUnclaimed() {
        long c = claims.get();
        return (int) c < (int) (c >>> 32);
    }

    /** Claims and runs tiles until none is left unclaimed. */
    final void runUnclaimed() {
        while (true) {
            long c = claims.get();
            int next = (int) c;
            if (next >= (int) (c >>> 32)) {
                return;
            }
            if (claims.compareAndSet(c, c + 1)) {
                run(next);
            }
        }
    }

    private void run(int tile) {
        try {
            runTile(tile);
        } catch (Throwable e) { // reported to the caller by awaitFinished, not lost on a worker
            if (failure == null) {
                failure = e;
            }
        } finally {
            finished.incrementAndGet();
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    /**
     * Waits, spinning for {@code spinNanos} and then parked, until all {@code tiles} tiles have finished; then rethrows
     * the first failure of any tile.
     */
    final void awaitFinished(int tiles, long spinNanos) {
        if (finished.get() < tiles) {
            long start = System.nanoTime();
            while (finished.get() < tiles && System.nanoTime() - start < spinNanos) {
                Thread.onSpinWait();
            }
            waiter = Thread.currentThread();
            while (finished.get() < tiles) {
                LockSupport.park(this);
            }
            waiter = null;
        }
        Throwable e = failure;
        if (e != null) {
            failure = null;
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e instanceof Error) {
                throw (Error) e;
            }
            throw new IllegalStateException(e);
        }
    }
}
