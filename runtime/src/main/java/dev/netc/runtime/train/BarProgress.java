package dev.netc.runtime.train;

import java.io.PrintStream;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A console bar per epoch through {@code me.tongfei:progressbar}: the batches done, the running mean loss and the
 * epoch's time left while it runs; the epoch's figures and the run's time left when it ends. The library redraws from
 * its own thread; the training thread only moves the counter, and rewrites the loss text at most every {@value
 * #MESSAGE_INTERVAL_MILLIS} ms, so that steps do not format a string each.
 *
 * <p>Load this class only when {@link Consoles#barLibraryPresent()}.
 */
final class BarProgress implements Progress {

    private static final int MESSAGE_INTERVAL_MILLIS = 200;
    private static final long MESSAGE_INTERVAL_NANOS = MESSAGE_INTERVAL_MILLIS * 1_000_000L;

    private final PrintStream out;
    private ProgressBar bar;
    private long started;
    private long lastMessage;
    private double lossSum;
    private long losses;

    BarProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void trainingStarted(TrainingRun run) {
        started = System.nanoTime();
    }

    @Override
    public void epochStarted(TrainingRun run) {
        bar = new ProgressBarBuilder()
                .setTaskName("epoch " + (run.epoch() + 1) + "/" + run.epochs())
                .setInitialMax(run.batchesPerEpoch())
                .setUpdateIntervalMillis(MESSAGE_INTERVAL_MILLIS)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
        lossSum = 0;
        losses = 0;
        lastMessage = System.nanoTime();
    }

    @Override
    public void batchEnded(TrainingRun run, float loss) {
        lossSum += loss;
        losses++;
        bar.stepTo(run.batch() + 1L);
        long now = System.nanoTime();
        if (now - lastMessage >= MESSAGE_INTERVAL_NANOS) {
            lastMessage = now;
            bar.setExtraMessage(Figures.LOSS + " " + Figures.format(lossSum / losses));
        }
    }

    @Override
    public void epochEnded(TrainingRun run, Map<String, Double> figures) {
        String left = Durations.left(System.nanoTime() - started, run.epoch() + 1, run.epochs());
        bar.setExtraMessage(Figures.join(figures) + (left.isEmpty() ? "" : " (" + left + ")"));
        close();
    }

    @Override
    public void trainingEnded(TrainingRun run) {
        run.stopReason().ifPresent(reason -> out.println("stopped: " + reason));
    }

    @Override
    public void trainingFailed(TrainingRun run, RuntimeException failure) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
