package dev.netc.samples.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.train.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a fixed seed gives a model that classifies held-out flowers well, and the same model every time. */
class IrisTrainingTest {

    @TempDir
    Path directory;

    @Test
    void savedModelClassifiesHeldOutFlowers() throws Exception {
        IrisTraining.Result result = IrisTraining.train(IrisData.CSV, IrisData.SEED, Progress.silent());
        Path weights = directory.resolve("iris.netc");
        IrisWeights.save(weights, result.trained());

        double accuracy = IrisTraining.accuracy(IrisModel.load(weights), result.heldOut());

        assertEquals(45, result.heldOut().size(), "30% of 150 flowers held out");
        assertTrue(accuracy >= 0.95, "held-out accuracy " + accuracy + ", expected at least 0.95");
    }

    @Test
    void sameSeedGivesTheSameWeights() {
        IrisWeights.Trained first = IrisTraining.train(IrisData.CSV, IrisData.SEED, Progress.silent())
                .trained();
        IrisWeights.Trained second = IrisTraining.train(IrisData.CSV, IrisData.SEED, Progress.silent())
                .trained();

        assertArrayEquals(first.parameters(), second.parameters());
        assertArrayEquals(first.standardizer().mean(), second.standardizer().mean());
    }
}
