package dev.netc.runtime.train;

/** The progress reporter that reports nothing: every hook keeps {@link Callback}'s empty default. */
enum SilentProgress implements Progress {
    INSTANCE
}
