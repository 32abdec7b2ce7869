package dev.netc.samples.common;

import dev.netc.runtime.train.History;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training curves drawn with XChart: loss per epoch on the left, accuracy per epoch on the right, side by side in one
 * picture of {@value #CHART_WIDTH}x{@value #CHART_HEIGHT} pixels a chart. Each chart has one line per data set
 * (training, validation), a legend naming them, and its axes labelled: epochs on round ticks from 0, the loss by the
 * network's loss function.
 *
 * <pre>{@code
 * BufferedImage picture = new TrainingCurves("DigitsNet", "categorical cross-entropy")
 *         .draw(history, "8,000 training digits", "2,000 test digits");
 * }</pre>
 */
public final class TrainingCurves {

    /** Width of each of the two charts, in pixels. */
    public static final int CHART_WIDTH = 480;

    /** Height of the picture, in pixels. */
    public static final int CHART_HEIGHT = 360;

    /** Up to this many epochs each epoch's value is marked with a dot, so that a short run still reads as points. */
    private static final int MARKED_EPOCHS = 20;

    private final String network;
    private final String lossName;

    /**
     * @param network what was trained, for the titles, e.g. {@code IrisNet}
     * @param lossName what the loss axis measures, e.g. {@code categorical cross-entropy}
     */
    public TrainingCurves(String network, String lossName) {
        this.network = network;
        this.lossName = lossName;
    }

    /** One line of a chart: its legend entry and one value per epoch, epoch 1 first. */
    public record Curve(String name, List<Double> values) {

        /** @throws IllegalArgumentException if there is no value */
        public Curve {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("curve '" + name + "': expected one value per epoch, found none");
            }
        }
    }

    /**
     * The curves of {@code history}: {@code loss} and {@code accuracy} as {@code trainingName}, and {@code val_loss}
     * and {@code val_accuracy} as {@code validationName} when the run had validation data.
     *
     * @throws IllegalArgumentException if the history has no epoch, or no {@code loss} or {@code accuracy}
     */
    public BufferedImage draw(History history, String trainingName, String validationName) {
        if (history.epochs() == 0 || !history.has("loss") || !history.has("accuracy")) {
            throw new IllegalArgumentException(
                    "expected a history of one epoch or more with loss and accuracy, found " + history);
        }
        List<Curve> losses = new ArrayList<>(List.of(new Curve(trainingName, history.get("loss"))));
        List<Curve> accuracies = new ArrayList<>(List.of(new Curve(trainingName, history.get("accuracy"))));
        if (history.has("val_loss") && history.has("val_accuracy")) {
            losses.add(new Curve(validationName, history.get("val_loss")));
            accuracies.add(new Curve(validationName, history.get("val_accuracy")));
        }
        return draw(losses, accuracies);
    }

    /**
     * The two charts side by side, from curves of any origin (the mean of several runs, say).
     *
     * @throws IllegalArgumentException if either list is empty or the curves differ in length
     */
    public BufferedImage draw(List<Curve> losses, List<Curve> accuracies) {
        if (losses.isEmpty() || accuracies.isEmpty()) {
            throw new IllegalArgumentException(
                    "expected loss and accuracy curves, found " + losses.size() + " and " + accuracies.size());
        }
        int epochs = losses.get(0).values().size();
        for (Curve curve : concat(losses, accuracies)) {
            if (curve.values().size() != epochs) {
                throw new IllegalArgumentException("curve '" + curve.name() + "': expected " + epochs
                        + " values (one per epoch, as the first curve), found "
                        + curve.values().size());
            }
        }
        XYChart loss = chart(network + ": loss per epoch", lossName, losses);
        XYChart accuracy = chart(network + ": accuracy per epoch", "accuracy", accuracies);
        BufferedImage both = new BufferedImage(2 * CHART_WIDTH, CHART_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        try {
            g.drawImage(BitmapEncoder.getBufferedImage(loss), 0, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(accuracy), CHART_WIDTH, 0, null);
        } finally {
            g.dispose();
        }
        return both;
    }

    private static XYChart chart(String title, String axis, List<Curve> curves) {
        XYChart chart = new XYChartBuilder()
                .width(CHART_WIDTH)
                .height(CHART_HEIGHT)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle(axis)
                .build();
        // Under the plot, in a row: inside it, a legend hides whatever part of the curves its corner holds.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("0.0##");
        int epochs = curves.get(0).values().size();
        double[] x = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            x[epoch] = epoch + 1;
        }
        for (Curve curve : curves) {
            double[] y =
                    curve.values().stream().mapToDouble(Double::doubleValue).toArray();
            XYSeries series = chart.addSeries(curve.name(), x, y);
            series.setMarker(epochs <= MARKED_EPOCHS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        roundEpochTicks(chart, epochs, curves.get(0).values().get(0));
        return chart;
    }

    /**
     * Puts the epoch axis's ticks on round numbers from 0 (0, 100, 200 for 500 epochs), labelled only where they are
     * whole. XChart places the ticks on the data's own x values when those are equally spaced, as epochs are, which
     * gives labels such as 1, 35, 69; an invisible point at x = 0.5 makes them unequal, so that XChart picks round
     * steps instead.
     */
    private static void roundEpochTicks(XYChart chart, int epochs, double y) {
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) epochs);
        chart.getStyler()
                .setxAxisTickLabelsFormattingFunction(x -> x == Math.rint(x) ? Long.toString(x.longValue()) : "");
        XYSeries anchor = chart.addSeries("epoch axis anchor", new double[] {0.5}, new double[] {y});
        anchor.setShowInLegend(false);
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setLineStyle(SeriesLines.NONE);
    }

    private static List<Curve> concat(List<Curve> first, List<Curve> second) {
        List<Curve> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
