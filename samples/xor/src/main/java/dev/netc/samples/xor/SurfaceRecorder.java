package dev.netc.samples.xor;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.train.Callback;
import dev.netc.runtime.train.TrainingRun;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Films training, as the write-up's matplotlib animation did: a {@link SurfacePicture} of the network before the
 * first step, after every {@code every}-th epoch, and after the last. It draws in the epoch hooks only, so the
 * training steps stay allocation-free.
 */
final class SurfaceRecorder implements Callback {

    private final SurfacePicture picture;
    private final Dataset points;
    private final int every;
    private final List<BufferedImage> frames = new ArrayList<>();

    /**
     * @param picture draws each frame
     * @param points drawn on every frame (the training data)
     * @param every epochs between frames, at least 1
     */
    SurfaceRecorder(SurfacePicture picture, Dataset points, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("expected a frame every 1 or more epochs, found " + every);
        }
        this.picture = picture;
        this.points = points;
        this.every = every;
    }

    @Override
    public void trainingStarted(TrainingRun run) {
        frames.add(picture.draw(run.parameters(), points, title(0, run.epochs())));
    }

    @Override
    public void epochEnded(TrainingRun run, Map<String, Double> figures) {
        int done = run.epoch() + 1;
        if (done % every == 0 || done == run.epochs()) {
            frames.add(picture.draw(run.parameters(), points, title(done, run.epochs())));
        }
    }

    /** The frames so far, oldest first. */
    List<BufferedImage> frames() {
        return List.copyOf(frames);
    }

    private static String title(int epoch, int epochs) {
        return "XorNet after epoch " + epoch + " of " + epochs;
    }
}
