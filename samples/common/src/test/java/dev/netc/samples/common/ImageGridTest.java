package dev.netc.samples.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageGridTest {

    /** A 2x2 image: ink at the top left only. */
    private static final float[] CORNER = {1, 0, 0, 0};

    @Test
    void cellsFitTheEnlargedImageAndTheCaptions() {
        ImageGrid small = new ImageGrid(2, 3, 4);
        ImageGrid large = new ImageGrid(28, 5, 2);

        assertEquals(112, small.cellWidth(), "at least the captions' room");
        assertEquals(140, large.cellWidth(), "28 pixels times 5");
        assertEquals(140 + 30, large.cellHeight());
        assertEquals(2 * 12 + 2 * 140, large.width());
        assertEquals(30 + 2 * (170 + 12) + 12, large.height(3), "3 images in 2 columns make 2 rows");
    }

    @Test
    void drawsEachImageEnlargedAsDarkInkOnWhite() {
        ImageGrid grid = new ImageGrid(2, 10, 2);

        BufferedImage image = grid.draw("title", List.of(new ImageGrid.Tile(CORNER, "true 1", "said 7"), tile()));

        assertEquals(grid.width(), image.getWidth());
        assertEquals(grid.height(2), image.getHeight());
        int left = 12 + (112 - 20) / 2;
        int top = 30;
        assertEquals(0x000000, image.getRGB(left + 9, top + 9) & 0xFFFFFF, "the inked pixel, 10x10 on screen");
        assertEquals(0xFFFFFF, image.getRGB(left + 10, top + 9) & 0xFFFFFF, "its blank neighbour");
        assertEquals(0x000000, image.getRGB(left + 112 + 5, top + 5) & 0xFFFFFF, "the second tile, one cell right");
    }

    @Test
    void intensitiesOutsideZeroToOneAreClamped() {
        BufferedImage image =
                new ImageGrid(2, 1, 1).draw("t", List.of(new ImageGrid.Tile(new float[] {2, -1, 0.5f, 0}, "a", "b")));

        int left = 12 + (112 - 2) / 2;
        assertEquals(0x000000, image.getRGB(left, 30) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.getRGB(left + 1, 30) & 0xFFFFFF);
        assertEquals(0x7F7F7F, image.getRGB(left, 31) & 0xFFFFFF, "255 - round(0.5 * 255)");
    }

    @Test
    void noImagesStillMakesAPictureOfOneRow() {
        ImageGrid grid = new ImageGrid(28, 3, 8);

        BufferedImage image = grid.draw("nothing misclassified", List.of());

        assertEquals(grid.height(1), image.getHeight());
    }

    @Test
    void anImageOfTheWrongSizeIsRefused() {
        ImageGrid grid = new ImageGrid(28, 3, 8);
        List<ImageGrid.Tile> tiles = List.of(new ImageGrid.Tile(CORNER, "a", "b"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> grid.draw("t", tiles));

        assertEquals("tile 0: expected 784 pixels (28x28), found 4", e.getMessage());
    }

    private static ImageGrid.Tile tile() {
        return new ImageGrid.Tile(CORNER, "true 2", "said 3");
    }
}
