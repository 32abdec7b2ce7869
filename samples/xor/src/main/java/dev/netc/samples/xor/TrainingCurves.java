package dev.netc.samples.xor;

import dev.netc.runtime.train.History;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training curves of a {@link History}, drawn with XChart: loss per epoch on the left, accuracy per epoch on the
 * right, each with the training figure and, when the run had validation data, the {@code val_} one beside it.
 */
final class TrainingCurves {

    private final int chartWidth;
    private final int chartHeight;
    private final String validationName;

    /**
     * @param chartWidth width of each of the two charts, in pixels
     * @param chartHeight their height
     * @param validationName what the legend calls the validation data
     */
    TrainingCurves(int chartWidth, int chartHeight, String validationName) {
        this.chartWidth = chartWidth;
        this.chartHeight = chartHeight;
        this.validationName = validationName;
    }

    /**
     * The two charts side by side.
     *
     * @throws IllegalArgumentException if the history has no epoch, or no {@code loss} or {@code accuracy}
     */
    BufferedImage draw(History history) {
        if (history.epochs() == 0 || !history.has("loss") || !history.has("accuracy")) {
            throw new IllegalArgumentException(
                    "expected a history of one epoch or more with loss and accuracy, found " + history);
        }
        // Loss falls and accuracy rises: each legend goes in the corner its curves leave free.
        BufferedImage loss = BitmapEncoder.getBufferedImage(
                chart(history, "loss", "Loss per epoch", "binary cross-entropy", Styler.LegendPosition.InsideNE));
        BufferedImage accuracy = BitmapEncoder.getBufferedImage(
                chart(history, "accuracy", "Accuracy per epoch", "accuracy", Styler.LegendPosition.InsideSE));
        BufferedImage both = new BufferedImage(2 * chartWidth, chartHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        try {
            g.drawImage(loss, 0, 0, null);
            g.drawImage(accuracy, chartWidth, 0, null);
        } finally {
            g.dispose();
        }
        return both;
    }

    private XYChart chart(
            History history, String figure, String title, String axis, Styler.LegendPosition legendPosition) {
        XYChart chart = new XYChartBuilder()
                .width(chartWidth)
                .height(chartHeight)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle(axis)
                .build();
        chart.getStyler().setLegendPosition(legendPosition);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double[] epochs = new double[history.epochs()];
        for (int epoch = 0; epoch < epochs.length; epoch++) {
            epochs[epoch] = epoch + 1;
        }
        chart.addSeries("training points", epochs, values(history, figure)).setMarker(SeriesMarkers.NONE);
        if (history.has("val_" + figure)) {
            chart.addSeries(validationName, epochs, values(history, "val_" + figure))
                    .setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static double[] values(History history, String figure) {
        return history.get(figure).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
