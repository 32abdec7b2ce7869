package dev.netc.samples.xor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.samples.common.TrainingCurves;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample end to end on its fixed seed, trained once for all tests: the sample's accuracy floors (every corner,
 * at least 98% of the 100x100 grid), and the three pictures written, readable, of the expected sizes, and showing
 * what they claim to.
 */
class XorSampleTest {

    private static XorTraining.Result result;

    @BeforeAll
    static void train() {
        result = XorTraining.run(XorTraining.SEED);
    }

    @Test
    void classifiesEveryCorner() {
        float[] outputs = result.cornerOutputs();
        float[] expected = {0, 1, 1, 0};
        float[] predicted = new float[outputs.length];
        for (int corner = 0; corner < outputs.length; corner++) {
            predicted[corner] = outputs[corner] > 0.5f ? 1 : 0;
        }
        assertArrayEquals(expected, predicted, "corners (0,0) (0,1) (1,0) (1,1)");
        assertEquals(1.0, result.cornerAccuracy());
    }

    @Test
    void classifiesAtLeast98PercentOfTheGrid() {
        assertTrue(result.gridAccuracy() >= 0.98, "grid accuracy " + result.gridAccuracy());
        assertEquals(
                result.gridAccuracy(),
                result.history().last("val_accuracy"),
                1e-9,
                "the grid is the validation data, so its last epoch is the trained network");
    }

    @Test
    void recordsEveryEpochAndAFrameEveryFew() {
        assertEquals(XorTraining.EPOCHS, result.history().epochs());
        assertEquals(XorTraining.EPOCHS, result.history().get("accuracy").size());
        assertEquals(
                1 + XorTraining.EPOCHS / XorTraining.FRAME_EVERY,
                result.frames().size());
        assertTrue(
                result.history().get("loss").get(XorTraining.EPOCHS - 1)
                        < result.history().get("loss").get(0) / 2,
                "loss falls: " + result.history().get("loss"));
    }

    @Test
    void reportsCornersAndGrid() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        XorSample.report(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.startsWith("XorNet after 200 epochs of 1000 points (seed 1)"), report);
        assertTrue(report.contains("100% right"), report);
        assertTrue(report.contains("100x100 grid: 9"), report);
    }

    @Test
    void writesThreeReadablePictures(@TempDir Path directory) throws IOException {
        Path into = directory.resolve("pictures");

        List<Path> written = XorSample.writePictures(result, into);

        assertEquals(
                List.of(
                        into.resolve(XorSample.SURFACE),
                        into.resolve(XorSample.ANIMATION),
                        into.resolve(XorSample.CURVES)),
                written);
        try (var files = Files.list(into)) {
            assertEquals(3, files.count(), "no temporary file left behind");
        }

        BufferedImage surface = ImageIO.read(written.get(0).toFile());
        assertEquals(56 + 400 + 82, surface.getWidth());
        assertEquals(36 + 400 + 76, surface.getHeight());
        assertQuadrantColours(surface, 56, 36, 400);

        assertGif(written.get(1), 1 + XorTraining.EPOCHS / XorTraining.FRAME_EVERY, 56 + 240 + 82, 36 + 240 + 76);

        BufferedImage curves = ImageIO.read(written.get(2).toFile());
        assertEquals(2 * TrainingCurves.CHART_WIDTH, curves.getWidth());
        assertEquals(TrainingCurves.CHART_HEIGHT, curves.getHeight());
    }

    /** Label-0 quadrants (bottom left, top right) are mostly blue, label-1 quadrants mostly red. */
    private static void assertQuadrantColours(BufferedImage image, int left, int top, int plot) {
        int quarter = plot / 4;
        int[][] centres = {
            {quarter, 3 * quarter, 0}, {3 * quarter, quarter, 0}, {quarter, quarter, 1}, {3 * quarter, 3 * quarter, 1}
        };
        for (int[] centre : centres) {
            long red = 0;
            long blue = 0;
            for (int dy = -20; dy < 20; dy++) {
                for (int dx = -20; dx < 20; dx++) {
                    int rgb = image.getRGB(left + centre[0] + dx, top + centre[1] + dy);
                    red += rgb >> 16 & 0xFF;
                    blue += rgb & 0xFF;
                }
            }
            boolean redder = red > blue;
            assertEquals(centre[2] == 1, redder, "quadrant around pixel " + centre[0] + "," + centre[1]);
        }
    }

    private static void assertGif(Path file, int frames, int width, int height) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                assertEquals("gif", reader.getFormatName().toLowerCase(Locale.ROOT));
                assertEquals(frames, reader.getNumImages(true));
                BufferedImage last = reader.read(frames - 1);
                assertEquals(width, last.getWidth());
                assertEquals(height, last.getHeight());
            } finally {
                reader.dispose();
            }
        }
    }
}
