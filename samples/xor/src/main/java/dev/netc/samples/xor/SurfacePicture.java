package dev.netc.samples.xor;

import dev.netc.runtime.Network;
import dev.netc.runtime.data.Dataset;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws the decision surface of an XOR network as the write-up's scatter plot did, as a heat map: the network's
 * output at every pixel of the unit square (blue 0, white 0.5, red 1, see {@link ColourScale}), the 0.5 contour as a
 * dark line, the points on top (white for label 0, black for label 1, both outlined in black), axes with ticks, a colour bar and a legend.
 *
 * <p>The output is computed once per pixel with one {@link Network#predictBatch} call, into buffers this object
 * keeps: one instance draws many frames without allocating them again, and is not for several threads at once.
 */
final class SurfacePicture {

    private static final int LEFT = 56;
    private static final int TOP = 36;
    private static final int BAR_GAP = 22;
    private static final int BAR_WIDTH = 16;
    private static final int RIGHT = BAR_GAP + BAR_WIDTH + 44;
    private static final int BOTTOM = 76;
    private static final double[] TICKS = {0, 0.25, 0.5, 0.75, 1};
    private static final Color BOUNDARY = new Color(40, 40, 40);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private final Network network;
    private final int plot;
    private final float[] inputs;
    private final float[] outputs;

    /**
     * @param network a network of 3 inputs (x, y, x*y) and 1 output in [0, 1]
     * @param plotSize the side of the square plot area in pixels, at least 50
     */
    SurfacePicture(Network network, int plotSize) {
        if (network.inputSize() != 3 || network.outputSize() != 1) {
            throw new IllegalArgumentException("expected a network of 3 inputs (x, y, x*y) and 1 output, found "
                    + network.inputSize() + " inputs and " + network.outputSize() + " outputs");
        }
        if (plotSize < 50) {
            throw new IllegalArgumentException("expected a plot of at least 50 pixels a side, found " + plotSize);
        }
        this.network = network;
        this.plot = plotSize;
        this.inputs = new float[3 * plotSize * plotSize];
        this.outputs = new float[plotSize * plotSize];
        for (int row = 0; row < plotSize; row++) {
            for (int column = 0; column < plotSize; column++) {
                float x = (column + 0.5f) / plotSize;
                float y = 1 - (row + 0.5f) / plotSize;
                int at = 3 * (row * plotSize + column);
                inputs[at] = x;
                inputs[at + 1] = y;
                inputs[at + 2] = x * y;
            }
        }
    }

    /** Width of every picture, in pixels. */
    int width() {
        return LEFT + plot + RIGHT;
    }

    /** Height of every picture, in pixels. */
    int height() {
        return TOP + plot + BOTTOM;
    }

    /**
     * The picture of the network with {@code parameters}, titled {@code title}, with {@code points} (columns 0 and 1
     * the coordinates, target 0 the label) drawn on it.
     */
    BufferedImage draw(float[] parameters, Dataset points, String title) {
        network.predictBatch(parameters, inputs, plot * plot, outputs);
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            paintSurface(image);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paintPoints(g, points);
            paintAxes(g);
            paintColourBar(g);
            paintLegend(g);
            g.setFont(TITLE);
            g.setColor(Color.BLACK);
            centre(g, title, LEFT + plot / 2, TOP - 14);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The heat map, with the pixels where the output crosses 0.5 against a neighbour drawn as the boundary. */
    private void paintSurface(BufferedImage image) {
        for (int row = 0; row < plot; row++) {
            for (int column = 0; column < plot; column++) {
                float value = outputs[row * plot + column];
                boolean above = value >= 0.5f;
                boolean crosses = (column + 1 < plot && above != outputs[row * plot + column + 1] >= 0.5f)
                        || (row + 1 < plot && above != outputs[(row + 1) * plot + column] >= 0.5f);
                image.setRGB(LEFT + column, TOP + row, crosses ? BOUNDARY.getRGB() : ColourScale.rgb(value));
            }
        }
    }

    private void paintPoints(Graphics2D g, Dataset points) {
        double radius = Math.max(2.5, plot / 130.0);
        g.setStroke(new BasicStroke(0.8f));
        for (int s = 0; s < points.size(); s++) {
            Ellipse2D dot = new Ellipse2D.Double(
                    LEFT + points.feature(s, 0) * plot - radius,
                    TOP + (1 - points.feature(s, 1)) * plot - radius,
                    2 * radius,
                    2 * radius);
            g.setColor(points.target(s, 0) >= 0.5f ? Color.BLACK : Color.WHITE);
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.draw(dot);
        }
    }

    private void paintAxes(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, plot, plot);
        g.setFont(TEXT);
        FontMetrics metrics = g.getFontMetrics();
        for (double tick : TICKS) {
            int x = LEFT + (int) Math.round(tick * plot);
            int y = TOP + plot - (int) Math.round(tick * plot);
            g.drawLine(x, TOP + plot, x, TOP + plot + 4);
            centre(g, number(tick), x, TOP + plot + 6 + metrics.getAscent());
            g.drawLine(LEFT - 4, y, LEFT, y);
            String label = number(tick);
            g.drawString(label, LEFT - 7 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 1);
        }
        centre(g, "x", LEFT + plot / 2, TOP + plot + 8 + 2 * metrics.getAscent());
        g.drawString("y", LEFT - 50, TOP + plot / 2 + metrics.getAscent() / 2);
    }

    private void paintColourBar(Graphics2D g) {
        int left = LEFT + plot + BAR_GAP;
        for (int row = 0; row < plot; row++) {
            g.setColor(new Color(ColourScale.rgb(1 - (row + 0.5) / plot)));
            g.drawLine(left, TOP + row, left + BAR_WIDTH - 1, TOP + row);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, TOP, BAR_WIDTH, plot);
        FontMetrics metrics = g.getFontMetrics();
        for (double tick : TICKS) {
            int y = TOP + plot - (int) Math.round(tick * plot);
            g.drawLine(left + BAR_WIDTH, y, left + BAR_WIDTH + 4, y);
            g.drawString(number(tick), left + BAR_WIDTH + 7, y + metrics.getAscent() / 2 - 1);
        }
        centre(g, "output", left + BAR_WIDTH / 2, TOP - 6);
    }

    /** One line under the x axis: what the dots and the line mean. */
    private void paintLegend(Graphics2D g) {
        FontMetrics metrics = g.getFontMetrics();
        int baseline = TOP + plot + 14 + 3 * metrics.getAscent();
        int x = LEFT;
        for (int label = 0; label < 2; label++) {
            Ellipse2D dot = new Ellipse2D.Double(x, baseline - 8, 8, 8);
            g.setColor(label == 1 ? Color.BLACK : Color.WHITE);
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.draw(dot);
            String text = "label " + label;
            g.drawString(text, x + 12, baseline);
            x += 12 + metrics.stringWidth(text) + 16;
        }
        g.setColor(BOUNDARY);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(x, baseline - 4, x + 16, baseline - 4);
        g.setColor(Color.BLACK);
        g.drawString("output 0.5", x + 20, baseline);
    }

    private static void centre(Graphics2D g, String text, int x, int baseline) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.2f", value);
    }
}
