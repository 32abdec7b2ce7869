package dev.netc.runtime.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Turns the file system's exceptions into short readable reasons. {@link NoSuchFileException} and its kin carry only
 * a path as their message, which says nothing on its own ("x.netc: x.netc").
 */
final class IoErrors {

    private IoErrors() {}

    /** The failure as a phrase naming the path it concerns, for example {@code no such file or directory: x.netc}. */
    static String describe(IOException e) {
        return describe(e, null);
    }

    /**
     * The failure as a phrase, naming the path it concerns unless that is {@code file}, which the message names
     * already: {@code no such file or directory}.
     */
    static String describe(IOException e, String file) {
        if (e instanceof FileSystemException failed) {
            String reason;
            if (e instanceof NoSuchFileException) {
                reason = "no such file or directory";
            } else if (e instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (e instanceof NotDirectoryException) {
                reason = "not a directory";
            } else {
                reason = failed.getReason() == null ? e.getClass().getSimpleName() : decapitalize(failed.getReason());
            }
            return failed.getFile() == null || failed.getFile().equals(file)
                    ? reason
                    : reason + ": " + failed.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : decapitalize(e.getMessage());
    }

    /** The operating system's "No space left on device" as "no space left on device"; "CRC error" stays. */
    private static String decapitalize(String reason) {
        if (reason.length() > 1 && Character.isUpperCase(reason.charAt(0)) && Character.isLowerCase(reason.charAt(1))) {
            return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return reason;
    }
}
