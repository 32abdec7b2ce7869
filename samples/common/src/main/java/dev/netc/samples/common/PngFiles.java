package dev.netc.samples.common;

import dev.netc.runtime.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes pictures as PNG files, each replaced atomically ({@link AtomicFiles}), so that a run interrupted while
 * writing leaves the previous picture whole rather than a torn file an image viewer refuses.
 */
public final class PngFiles {

    private PngFiles() {}

    /**
     * Writes {@code image} to {@code file}, creating its directory when missing.
     *
     * @return {@code file}
     * @throws IOException if the directory or the file cannot be written; the file is then unchanged
     */
    public static Path write(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this JDK has no PNG image writer");
            }
        });
        return file;
    }
}
