package dev.netc.runtime.kernel;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A small pool of daemon threads that help callers finish {@link TileJob}s. A caller publishes its job in a free slot,
 * wakes the idle workers, runs tiles itself until none is left, then waits for the tiles workers started. Workers
 * only ever run tiles, never wait for other work, so any number of callers may use one executor at once without
 * deadlock; when every slot is taken a caller simply runs all its tiles itself.
 *
 * <p>Workers spin for a short while after their last tile before parking, because a forward or backward pass calls
 * the kernels layer after layer and waking a parked thread costs tens of microseconds, as much as a small layer.
 */
final class TileExecutor {

    /** How long a worker keeps looking for tiles after its last one, and a caller spins before parking. */
    private static final long SPIN_NANOS = 200_000;

    private final int threads;
    private final AtomicReferenceArray<TileJob> slots;
    private final Worker[] workers;

    /** An executor of {@code threads} threads in all, the caller included: {@code threads - 1} workers. */
    TileExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a kernel executor needs at least 1 thread, got " + threads);
        }
        this.threads = threads;
        this.slots = new AtomicReferenceArray<>(4 * threads);
        this.workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].thread.start();
        }
    }

    /** The number of threads that may run one job's tiles, the caller included. */
    int threads() {
        return threads;
    }

    /** Runs {@code tiles} tiles of {@code job} (opened here) on the caller and any idle workers; returns when done. */
    void run(TileJob job, int tiles) {
        job.open(tiles);
        int slot = workers.length == 0 ? -1 : publish(job);
        if (slot >= 0) {
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w.thread);
                }
            }
        }
        job.runUnclaimed();
        if (slot >= 0) {
            slots.set(slot, null);
        }
        job.awaitFinished(tiles, SPIN_NANOS);
    }

    private int publish(TileJob job) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null && slots.compareAndSet(i, null, job)) {
                return i;
            }
        }
        return -1;
    }

    private TileJob findWork() {
        for (int i = 0; i < slots.length(); i++) {
            TileJob job = slots.get(i);
            if (job != null && job.hasUnclaimed()) {
                return job;
            }
        }
        return null;
    }

    /** A pool thread: runs tiles of published jobs, spins a while when there are none, then parks. */
    private final class Worker implements Runnable {
        final Thread thread;
        volatile boolean parked;

        Worker(int index) {
            thread = new Thread(this, "netc-kernels-" + index);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                TileJob job = findWork();
                if (job != null) {
                    job.runUnclaimed();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (findWork() == null) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
