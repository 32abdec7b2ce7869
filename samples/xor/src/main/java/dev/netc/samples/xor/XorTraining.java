package dev.netc.samples.xor;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Schedule;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.train.History;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The sample's experiment: {@link XorNet} trained one point at a time on {@value #POINTS} random points of the unit
 * square, with plain SGD at {@value #LEARNING_RATE} annealed to zero by a cosine schedule over {@value #EPOCHS}
 * epochs, then measured on the four corners and on the write-up's {@value #GRID}x{@value #GRID} grid.
 *
 * <p>The write-up's constant rate of 0.03 leaves the boundary blurred (90% to 98% of the grid); the annealed 0.5
 * sharpens it past 98% (the processor's {@code XorTrainingTest} measured seeds 1 to 24). Two hidden units also have a
 * poor local minimum that gets only three corners right, which some seeds fall into (42 does); seed {@value #SEED}
 * does not. The grid is the validation data, so the history has its loss and accuracy for every epoch.
 */
final class XorTraining {

    static final long SEED = 1;
    static final int POINTS = 1000;
    static final int EPOCHS = 200;
    static final double LEARNING_RATE = 0.5;
    static final int GRID = 100;

    /** Epochs between two frames of the animation: 40 frames for 200 epochs, plus the untrained network. */
    static final int FRAME_EVERY = 5;

    /** Side of the animation's plot area, in pixels: smaller than the still picture's, to keep the GIF light. */
    static final int FRAME_PLOT_SIZE = 240;

    private XorTraining() {}

    /** What a run leaves: the trained parameters, their measures, and the pictures' material. */
    record Result(
            float[] parameters,
            Dataset points,
            History history,
            double cornerAccuracy,
            double gridAccuracy,
            float[] cornerOutputs,
            List<BufferedImage> frames) {}

    /** Trains a fresh network from {@code seed} (its parameters and its points) and films it. */
    static Result run(long seed) {
        XorNet network = new XorNet();
        float[] parameters = network.initialParameters(seed);
        Dataset points = XorData.randomPoints(POINTS, seed);
        SurfaceRecorder recorder =
                new SurfaceRecorder(new SurfacePicture(network, FRAME_PLOT_SIZE), points, FRAME_EVERY);
        Trainer trainer = Trainer.of(network)
                .optimizer(Sgd.builder().learningRate(LEARNING_RATE).build())
                .schedule(Schedule.cosine(EPOCHS, 0))
                .batchSize(1)
                .epochs(EPOCHS)
                .seed(seed)
                .validation(XorData.grid(GRID))
                .metrics(Metric.accuracy())
                .callbacks(recorder)
                .progress(Progress.silent());
        History history = trainer.fit(parameters, points);

        float[] cornerOutputs = new float[XorData.CORNERS.size()];
        network.predictBatch(parameters, XorData.CORNERS.features(), XorData.CORNERS.size(), cornerOutputs);
        return new Result(
                parameters,
                points,
                history,
                trainer.evaluate(parameters, XorData.CORNERS).get("accuracy"),
                trainer.evaluate(parameters, XorData.grid(GRID)).get("accuracy"),
                cornerOutputs,
                recorder.frames());
    }
}
