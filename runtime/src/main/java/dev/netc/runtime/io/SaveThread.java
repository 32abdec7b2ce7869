package dev.netc.runtime.io;

import java.nio.channels.FileChannel;
import java.nio.channels.InterruptibleChannel;
import java.nio.file.Path;

/**
 * Runs a save on a thread of its own and waits for it, so that an interrupt of the calling thread cannot abandon the
 * save half way. A {@link FileChannel} is an {@link InterruptibleChannel}: interrupting the thread that uses it closes
 * it at once, so a checkpoint written at the batch boundary where training was asked to stop would fail, and training
 * would end one checkpoint behind its parameters. The save thread is known to no one, so nothing interrupts it.
 *
 * <p>The caller's interrupt is deferred, not lost: its interrupt status is set again once the save has ended, and the
 * caller reacts to it as it would have before the save. The price is that a save blocked in the file system (a hung
 * network mount) cannot be interrupted, as a {@code FileOutputStream} write cannot.
 */
final class SaveThread {

    /** The save: I/O that must not be cut short. */
    @FunctionalInterface
    interface Save {
        void run() throws WeightFileException;
    }

    private SaveThread() {}

    /**
     * Runs {@code save} on a new thread and waits for it to end, whatever interrupts the calling thread receives.
     *
     * @param target the file saved, to name the thread
     * @throws WeightFileException what the save threw; its runtime exceptions and errors are rethrown as they are
     */
    static void run(Path target, Save save) throws WeightFileException {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(
                () -> {
                    try {
                        save.run();
                    } catch (WeightFileException | RuntimeException | Error e) {
                        failure[0] = e;
                    }
                },
                "netc save " + target.getFileName());
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // join() orders the save thread's writes before this read
        Throwable thrown = failure[0];
        if (thrown instanceof WeightFileException e) {
            throw e;
        } else if (thrown instanceof RuntimeException e) {
            throw e;
        } else if (thrown instanceof Error e) {
            throw e;
        }
    }
}
