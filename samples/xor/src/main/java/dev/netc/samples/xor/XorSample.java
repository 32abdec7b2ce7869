package dev.netc.samples.xor;

import dev.netc.runtime.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The XOR sample's program: trains {@link XorNet} as {@link XorTraining} says, prints how well it learnt, and writes
 * three pictures to the directory given as the only argument (default {@value #DEFAULT_DIRECTORY}):
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

    static final int CURVE_WIDTH = 480;
    static final int CURVE_HEIGHT = 360;

    /** Frame time of the animation, and how long it rests on the trained network before looping. */
    static final int FRAME_MILLIS = 120;

    static final int LAST_FRAME_MILLIS = 2000;

    private XorSample() {}

    /** Runs the sample; exits with 1 when the pictures cannot be written and 2 on a wrong command line. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (args.length > 1) {
            System.err.println("usage: XorSample [output-directory]  (default " + DEFAULT_DIRECTORY + "), found "
                    + args.length + " arguments");
            System.exit(2);
        }
        Path directory = Path.of(args.length == 1 ? args[0] : DEFAULT_DIRECTORY);
        XorTraining.Result result = XorTraining.run(XorTraining.SEED);
        report(result, System.out);
        try {
            for (Path written : writePictures(result, directory)) {
                System.out.println("wrote " + written);
            }
        } catch (IOException e) {
            System.err.println("xor: cannot write the pictures to " + directory + ": " + e.getMessage());
            System.exit(1);
        }
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
        BufferedImage curves = new TrainingCurves(
                        CURVE_WIDTH, CURVE_HEIGHT, XorTraining.GRID + "x" + XorTraining.GRID + " grid")
                .draw(result.history());

        Path surfaceFile = directory.resolve(SURFACE);
        Path animationFile = directory.resolve(ANIMATION);
        Path curvesFile = directory.resolve(CURVES);
        writePng(surface, surfaceFile);
        AtomicFiles.write(
                animationFile, out -> AnimatedGif.write(result.frames(), FRAME_MILLIS, LAST_FRAME_MILLIS, out));
        writePng(curves, curvesFile);
        return List.of(surfaceFile, animationFile, curvesFile);
    }

    private static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this JDK has no PNG image writer");
            }
        });
    }
}
