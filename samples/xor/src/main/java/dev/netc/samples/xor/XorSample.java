package dev.netc.samples.xor;

import dev.netc.runtime.io.AtomicFiles;
import dev.netc.samples.common.PngFiles;
import dev.netc.samples.common.SampleMain;
import dev.netc.samples.common.TrainingCurves;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The XOR sample's program: trains {@link XorNet} as {@link XorTraining} says, prints how well it learnt, and writes
 * three pictures into the directory of {@code --out} (default {@value #DEFAULT_DIRECTORY}):
 *
 * <ul>
 *   <li>{@value #SURFACE}: the trained network's decision surface with the training points;
 *   <li>{@value #ANIMATION}: the surface while it learns, a frame every {@value XorTraining#FRAME_EVERY} epochs;
 *   <li>{@value #CURVES}: loss and accuracy per epoch, on the training points and on the grid.
 * </ul>
 *
 * <p>Each file is replaced atomically, so an interrupted run leaves the previous picture whole.
 */
public final class XorSample {

    static final String DEFAULT_DIRECTORY = "target/xor-pictures";
    static final String SURFACE = "xor-surface.png";
    static final String ANIMATION = "xor-learning.gif";
    static final String CURVES = "xor-training.png";

    /** Side of the still picture's plot area, in pixels. */
    static final int SURFACE_PLOT_SIZE = 400;

    /** Frame time of the animation, and how long it rests on the trained network before looping. */
    static final int FRAME_MILLIS = 120;

    static final int LAST_FRAME_MILLIS = 2000;

    private XorSample() {}

    /** Runs the sample; see {@link SampleMain} for the exit statuses. */
    public static void main(String[] args) {
        SampleMain.run("xor", args, Map.of("out", DEFAULT_DIRECTORY), options -> {
            XorTraining.Result result = XorTraining.run(XorTraining.SEED);
            report(result, System.out);
            for (Path written : writePictures(result, options.path("out"))) {
                System.out.println("wrote " + written);
            }
        });
    }

    /** Prints the corners' outputs and the accuracies. */
    static void report(XorTraining.Result result, PrintStream out) {
        float[] corners = result.cornerOutputs();
        out.printf(
                Locale.ROOT,
                "XorNet after %d epochs of %d points (seed %d)%n"
                        + "  corners (0,0) (0,1) (1,0) (1,1): %.3f %.3f %.3f %.3f, %.0f%% right%n"
                        + "  %dx%d grid: %.2f%% right%n",
                result.history().epochs(),
                result.points().size(),
                XorTraining.SEED,
                corners[0],
                corners[1],
                corners[2],
                corners[3],
                100 * result.cornerAccuracy(),
                XorTraining.GRID,
                XorTraining.GRID,
                100 * result.gridAccuracy());
    }

    /**
     * Writes the three pictures of {@code result} into {@code directory} (created if missing).
     *
     * @return the files written, in the order above
     */
    static List<Path> writePictures(XorTraining.Result result, Path directory) throws IOException {
        Files.createDirectories(directory);
        String title = "XorNet after epoch " + result.history().epochs() + " of "
                + result.history().epochs();
        BufferedImage surface =
                new SurfacePicture(new XorNet(), SURFACE_PLOT_SIZE).draw(result.parameters(), result.points(), title);
        BufferedImage curves = new TrainingCurves("XorNet", "binary cross-entropy")
                .draw(
                        result.history(),
                        String.format(
                                Locale.ROOT,
                                "%,d training points",
                                result.points().size()),
                        XorTraining.GRID + "x" + XorTraining.GRID + " grid");

        Path surfaceFile = directory.resolve(SURFACE);
        Path animationFile = directory.resolve(ANIMATION);
        Path curvesFile = directory.resolve(CURVES);
        PngFiles.write(surface, surfaceFile);
        AtomicFiles.write(
                animationFile, out -> AnimatedGif.write(result.frames(), FRAME_MILLIS, LAST_FRAME_MILLIS, out));
        PngFiles.write(curves, curvesFile);
        return List.of(surfaceFile, animationFile, curvesFile);
    }
}
