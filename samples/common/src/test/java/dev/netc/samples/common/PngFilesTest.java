package dev.netc.samples.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFilesTest {

    @Test
    void writesAReadablePngCreatingTheDirectoryAndLeavingNoTemporaryFile(@TempDir Path directory) throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 1, 0x123456);
        Path file = directory.resolve("a/b/picture.png");

        Path written = PngFiles.write(image, file);

        assertEquals(file, written);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(3, read.getWidth());
        assertEquals(0x123456, read.getRGB(2, 1) & 0xFFFFFF);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
    }
}
