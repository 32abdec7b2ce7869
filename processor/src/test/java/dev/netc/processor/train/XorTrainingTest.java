package dev.netc.processor.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.optim.Schedule;
import dev.netc.runtime.optim.Sgd;
import dev.netc.runtime.train.Evaluation;
import dev.netc.runtime.train.History;
import dev.netc.runtime.train.Progress;
import dev.netc.runtime.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The first write-up's experiment on a generated class: XOR with inputs x, y and x*y, two sigmoid hidden units and a
 * sigmoid output, trained one sample at a time with plain SGD on 1,000 random points. Each run must classify the four
 * corners and at least 98% of a 100x100 grid.
 *
 * <p>The write-up's constant rate of 0.03 leaves the boundary blurred (90% to 98% of the grid after 60 epochs); a
 * rate of 0.5 annealed to zero by a cosine schedule sharpens it: seeds 1 to 24 all reach between 98.3% and 99.9%. Two
 * hidden units also have a poor local minimum that classifies only three corners, which some seeds fall into (42
 * does); the test runs three seeds that do not, so a change that makes training worse shows in all of them.
 */
class XorTrainingTest {

    private static final long[] SEEDS = {1, 2, 3};
    private static final int POINTS = 1000;
    private static final int EPOCHS = 200;
    private static final double LEARNING_RATE = 0.5;
    private static final float[] CORNERS = {0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1};
    private static final float[] CORNER_CLASSES = {0, 1, 1, 0};

    @Test
    void learnsTheQuadrantRule() {
        TrainableNetwork net = GeneratedClasses.instance(Xor.NETWORK);
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (long seed : SEEDS) {
            float[] parameters = net.initialParameters(seed);
            Trainer trainer = Trainer.of(net)
                    .describedBy(Xor.NETWORK)
                    .optimizer(Sgd.builder().learningRate(LEARNING_RATE).build())
                    .schedule(Schedule.cosine(EPOCHS, 0))
                    .batchSize(1)
                    .epochs(EPOCHS)
                    .seed(seed)
                    .metrics(Metric.accuracy())
                    .trainingMetrics(false)
                    .progress(Progress.silent());

            History history = trainer.fit(parameters, Xor.randomPoints(POINTS, seed));
            Evaluation grid = trainer.evaluate(parameters, Xor.grid(100));

            float[] outputs = new float[4];
            net.predictBatch(parameters, CORNERS, 4, outputs);
            for (int corner = 0; corner < 4; corner++) {
                if ((outputs[corner] > 0.5f ? 1f : 0f) != CORNER_CLASSES[corner]) {
                    failures.add("seed " + seed + ": corners (0,0) (0,1) (1,0) (1,1) give " + Arrays.toString(outputs));
                    break;
                }
            }
            if (grid.get("accuracy") < 0.98) {
                failures.add(String.format(
                        Locale.ROOT, "seed %d: grid accuracy %.4f after %s", seed, grid.get("accuracy"), history));
            }
            runs++;
        }
        assertEquals(List.of(), failures);
        assertEquals(SEEDS.length, runs, "training runs");
    }
}
