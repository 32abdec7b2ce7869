package dev.netc.benchmarks.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * The picture of {@code docs/performance.md}: one bar chart per workload, samples per second of each implementation
 * on a linear axis (the workloads differ by four orders of magnitude, so they do not share an axis), and one legend
 * in the last cell of the grid. Each implementation has one colour in every panel: reds for netc, grey for the
 * hand-written Java, blues for PyTorch, greens for NumPy and oranges for ONNX Runtime Java, darker for one thread. An implementation that was not
 * run on a workload has no bar there.
 */
final class PerformancePlot {

    private static final int PANEL_WIDTH = 440;
    private static final int PANEL_HEIGHT = 300;
    private static final int COLUMNS = 3;
    private static final int LEGEND_ROW = 26;
    private static final int LEGEND_MARGIN = 40;

    private PerformancePlot() {}

    /** Writes the panels of {@code all} to {@code file} as one PNG. */
    static void write(List<Measurement> all, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> implementations = new ArrayList<>(new LinkedHashSet<>(
                all.stream().map(Measurement::implementation).toList()));
        Workload[] workloads = Workload.values();
        int cells = workloads.length + 1;
        int rows = (cells + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(COLUMNS * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int w = 0; w < workloads.length; w++) {
                CategoryChart panel = panel(all, workloads[w], implementations);
                g.drawImage(
                        BitmapEncoder.getBufferedImage(panel),
                        (w % COLUMNS) * PANEL_WIDTH,
                        (w / COLUMNS) * PANEL_HEIGHT,
                        null);
            }
            legend(
                    g,
                    implementations,
                    (workloads.length % COLUMNS) * PANEL_WIDTH,
                    (workloads.length / COLUMNS) * PANEL_HEIGHT);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static CategoryChart panel(List<Measurement> all, Workload workload, List<String> implementations) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(PANEL_WIDTH)
                .height(PANEL_HEIGHT)
                .title(workload.title())
                .yAxisTitle("samples per second")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        for (String implementation : implementations) {
            Optional<Measurement> m = PerformanceReport.find(all, workload, implementation);
            if (m.isPresent()) {
                CategorySeries series = chart.addSeries(
                        implementation, List.of(" "), List.of(m.get().samplesPerSecond()));
                series.setFillColor(colour(implementation));
            }
        }
        return chart;
    }

    /** One coloured square and name per implementation, from the top left of the cell at {@code x, y}. */
    private static void legend(Graphics2D g, List<String> implementations, int x, int y) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int i = 0; i < implementations.size(); i++) {
            int top = y + LEGEND_MARGIN + i * LEGEND_ROW;
            g.setColor(colour(implementations.get(i)));
            g.fillRect(x + LEGEND_MARGIN, top, 16, 16);
            g.setColor(Color.BLACK);
            g.drawString(implementations.get(i), x + LEGEND_MARGIN + 26, top + 13);
        }
    }

    /** The colour of an implementation, by the names the report gives them. */
    static Color colour(String implementation) {
        boolean oneThread = implementation.endsWith("(1 thread)");
        if (implementation.equals(PerformanceReport.NETC)) {
            return new Color(0xD6, 0x27, 0x28);
        }
        if (implementation.equals(PerformanceReport.NETC_ONE_THREAD)) {
            return new Color(0xFF, 0x98, 0x96);
        }
        if (implementation.equals(PerformanceReport.NETC_SCALAR)) {
            return new Color(0x8C, 0x56, 0x4B);
        }
        if (implementation.equals(ResultFiles.HAND_WRITTEN)) {
            return new Color(0x7F, 0x7F, 0x7F);
        }
        if (implementation.startsWith("PyTorch")) {
            return oneThread ? new Color(0x1F, 0x77, 0xB4) : new Color(0xAE, 0xC7, 0xE8);
        }
        if (implementation.startsWith("NumPy")) {
            return oneThread ? new Color(0x2C, 0xA0, 0x2C) : new Color(0x98, 0xDF, 0x8A);
        }
        if (implementation.startsWith(ResultFiles.ONNX_RUNTIME)) {
            return oneThread ? new Color(0xFF, 0x7F, 0x0E) : new Color(0xFF, 0xBB, 0x78);
        }
        return new Color(0x94, 0x67, 0xBD);
    }
}
