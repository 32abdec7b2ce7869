package dev.netc.samples.embedded;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves an {@link IrisModel} over HTTP with the JDK's own server, on the loopback interface only (put a reverse
 * proxy in front to expose it).
 *
 * <p>Bounded: a fixed number of worker threads and a bounded queue of accepted requests. When both are full, the
 * accepting thread handles the next request itself, so it stops accepting, and further connections wait in the
 * operating system's backlog (also bounded, then refused): a flood slows the server down rather than exhausting its
 * memory. Each request is small and bounded too ({@link FeatureQuery#MAX_LENGTH}; the body is never read).
 *
 * <p>Stoppable: {@link #close()} stops accepting, closes the connections and ends the worker threads.
 */
public final class PredictionServer implements AutoCloseable {

    /** Requests accepted but not yet handled, beyond those in progress. */
    static final int QUEUE_CAPACITY = 64;

    /** Connections the operating system holds while the server is not accepting. */
    static final int BACKLOG = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor workers;

    private PredictionServer(HttpServer server, ThreadPoolExecutor workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts serving {@code model} on {@code 127.0.0.1:port}.
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @param threads worker threads, at least 1
     * @throws IOException if the port cannot be bound
     */
    public static PredictionServer start(IrisModel model, int port, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("expected at least 1 worker thread, found " + threads);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                workerThreads(),
                new ThreadPoolExecutor.CallerRunsPolicy());
        server.createContext(PredictHandler.PATH, new PredictHandler(model));
        server.setExecutor(workers);
        server.start();
        return new PredictionServer(server, workers);
    }

    /** The port the server listens on: the one asked for, or the one chosen for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, closes every connection, and waits up to 5 s for the worker threads to end. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Named daemon threads: a forgotten server does not keep the JVM alive, and thread dumps say what they are. */
    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "iris-predict-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
