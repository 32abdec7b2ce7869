package dev.netc.runtime.train;

/**
 * Whether the optional progress-bar library is present. Kept apart from {@link BarProgress}, which refers to the
 * library's classes, so that asking never loads them.
 */
final class Consoles {

    private static final String BAR_CLASS = "me.tongfei.progressbar.ProgressBar";

    private Consoles() {}

    static boolean barLibraryPresent() {
        try {
            Class.forName(BAR_CLASS, false, Consoles.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
