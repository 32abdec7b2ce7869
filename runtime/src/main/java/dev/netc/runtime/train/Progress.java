package dev.netc.runtime.train;

import java.io.PrintStream;

/**
 * How a trainer shows its progress: a console progress bar per epoch when a person is watching, one plain line per
 * epoch in logs and CI, or nothing. A progress reporter is a {@link Callback} that the trainer calls after the others.
 *
 * <p>The bar comes from {@code me.tongfei:progressbar}, an <em>optional</em> dependency of netc's runtime: an
 * application that embeds the runtime does not get it (nor the JLine terminal library it brings) unless it asks for
 * it, and {@link #auto()} then falls back to lines. The command line declares it so that {@code netc train} shows
 * the bar.
 */
public interface Progress extends Callback {

    /**
     * A bar on {@code System.out} when it is an interactive terminal and the progress-bar library is on the class
     * path; otherwise one line per epoch on {@code System.out}. The trainer's default.
     */
    static Progress auto() {
        if (System.console() != null && Consoles.barLibraryPresent()) {
            return new BarProgress(System.out);
        }
        return lines(System.out);
    }

    /**
     * One line per epoch: {@code epoch 3/500: loss 0.4123, accuracy 0.9333, ... (0.12 s, about 1 min left)}, and a
     * line with the reason when training stops early. Nothing per batch, so it suits logs and CI.
     */
    static Progress lines(PrintStream out) {
        return new LineProgress(out, System::nanoTime);
    }

    /**
     * A console bar per epoch with the running loss and the time left, then the epoch's figures.
     *
     * @throws IllegalStateException if {@code me.tongfei:progressbar} is not on the class path
     */
    static Progress bar(PrintStream out) {
        if (!Consoles.barLibraryPresent()) {
            throw new IllegalStateException("the progress bar needs me.tongfei:progressbar on the class path (an"
                    + " optional dependency of netc-runtime); use Progress.lines(out) without it");
        }
        return new BarProgress(out);
    }

    /** Nothing at all. */
    static Progress silent() {
        return SilentProgress.INSTANCE;
    }
}
