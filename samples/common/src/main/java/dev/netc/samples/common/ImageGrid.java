package dev.netc.samples.common;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A titled grid of small grayscale images, each enlarged and captioned with two lines: a caption in black and, under
 * it, a highlight in red. The samples draw their misclassified test images with it: the true class above, what the
 * network said below.
 *
 * <p>Pixels are intensities in [0, 1] with 0 the background, as MNIST and Fashion-MNIST store them once scaled; they
 * are drawn as dark ink on white, which reads better on a page than the data sets' white on black. Drawn with the
 * JDK alone ({@code java.awt}), headless.
 */
public final class ImageGrid {

    private static final int MARGIN = 12;
    private static final int TITLE_HEIGHT = 30;
    private static final int CAPTION_HEIGHT = 30;
    private static final int MIN_CELL_WIDTH = 112;
    private static final Color HIGHLIGHT = new Color(178, 24, 43);
    private static final Color FRAME = new Color(200, 200, 200);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final int side;
    private final int scale;
    private final int columns;

    /** One image of the grid: {@code side * side} intensities row by row, and its two caption lines. */
    public record Tile(float[] pixels, String caption, String highlight) {}

    /**
     * @param side the images' width and height, in pixels (28 for MNIST)
     * @param scale how many screen pixels show one image pixel, at least 1
     * @param columns images per row, at least 1
     */
    public ImageGrid(int side, int scale, int columns) {
        if (side < 1 || scale < 1 || columns < 1) {
            throw new IllegalArgumentException("expected a positive side, scale and column count, found " + side + ", "
                    + scale + " and " + columns);
        }
        this.side = side;
        this.scale = scale;
        this.columns = columns;
    }

    /** Width of a cell, in pixels: the enlarged image or the captions' room, whichever is wider. */
    public int cellWidth() {
        return Math.max(side * scale, MIN_CELL_WIDTH);
    }

    /** Height of a cell, in pixels: the enlarged image and two caption lines. */
    public int cellHeight() {
        return side * scale + CAPTION_HEIGHT;
    }

    /** Width of every picture, in pixels. */
    public int width() {
        return 2 * MARGIN + columns * cellWidth();
    }

    /** Height of a picture of {@code tiles} images, in pixels (one row when there are none, for the message). */
    public int height(int tiles) {
        int rows = Math.max(1, (tiles + columns - 1) / columns);
        return TITLE_HEIGHT + rows * (cellHeight() + MARGIN) + MARGIN;
    }

    /**
     * The grid of {@code tiles}, row by row, under {@code title}; with no tile, the title and a line saying so.
     *
     * @throws IllegalArgumentException if a tile does not have {@code side * side} pixels
     */
    public BufferedImage draw(String title, List<Tile> tiles) {
        for (int t = 0; t < tiles.size(); t++) {
            if (tiles.get(t).pixels().length != side * side) {
                throw new IllegalArgumentException("tile " + t + ": expected " + side * side + " pixels (" + side + "x"
                        + side + "), found " + tiles.get(t).pixels().length);
            }
        }
        BufferedImage image = new BufferedImage(width(), height(tiles.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(TITLE);
            g.drawString(title, MARGIN, MARGIN + g.getFontMetrics().getAscent());
            g.setFont(CAPTION);
            if (tiles.isEmpty()) {
                g.drawString(
                        "(none)",
                        MARGIN,
                        TITLE_HEIGHT + MARGIN + g.getFontMetrics().getAscent());
            }
            for (int t = 0; t < tiles.size(); t++) {
                int left = MARGIN + (t % columns) * cellWidth();
                int top = TITLE_HEIGHT + (t / columns) * (cellHeight() + MARGIN);
                paintTile(image, g, tiles.get(t), left, top);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The pixels in the cell at {@code (left, top)}, centred, framed, with the captions under them. */
    private void paintTile(BufferedImage image, Graphics2D g, Tile tile, int left, int top) {
        int imageLeft = left + (cellWidth() - side * scale) / 2;
        for (int row = 0; row < side * scale; row++) {
            for (int column = 0; column < side * scale; column++) {
                float value = tile.pixels()[(row / scale) * side + column / scale];
                int grey = 255 - Math.round(255 * Math.max(0f, Math.min(1f, value)));
                image.setRGB(imageLeft + column, top + row, grey << 16 | grey << 8 | grey);
            }
        }
        g.setColor(FRAME);
        g.drawRect(imageLeft - 1, top - 1, side * scale + 1, side * scale + 1);
        FontMetrics metrics = g.getFontMetrics();
        int baseline = top + side * scale + metrics.getAscent() + 1;
        g.setColor(Color.BLACK);
        centre(g, tile.caption(), left + cellWidth() / 2, baseline);
        g.setColor(HIGHLIGHT);
        centre(g, tile.highlight(), left + cellWidth() / 2, baseline + metrics.getHeight());
    }

    private static void centre(Graphics2D g, String text, int x, int baseline) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }
}
