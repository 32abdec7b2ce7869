package dev.netc.runtime.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One line per epoch, for logs and CI: {@code epoch 3/500: loss 0.4123, accuracy 0.9333 (0.12 s, about 1 min left)},
 * and a last line with the reason when training stops early. Prints nothing per batch.
 */
final class LineProgress implements Progress {

    private final PrintStream out;
    private final LongSupplier clock;
    private long started;
    private long epochStarted;

    /** @param clock nanoseconds, as {@link System#nanoTime} (a test passes its own) */
    LineProgress(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void trainingStarted(TrainingRun run) {
        started = clock.getAsLong();
    }

    @Override
    public void epochStarted(TrainingRun run) {
        epochStarted = clock.getAsLong();
    }

    @Override
    public void epochEnded(TrainingRun run, Map<String, Double> figures) {
        long now = clock.getAsLong();
        String left = Durations.left(now - started, run.epoch() + 1, run.epochs());
        out.println(String.format(
                Locale.ROOT,
                "epoch %d/%d: %s (%s%s)",
                run.epoch() + 1,
                run.epochs(),
                Figures.join(figures),
                Durations.format(now - epochStarted),
                left.isEmpty() ? "" : ", " + left));
    }

    @Override
    public void trainingEnded(TrainingRun run) {
        run.stopReason().ifPresent(reason -> out.println("stopped: " + reason));
    }
}
