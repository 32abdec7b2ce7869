package dev.netc.samples.embedded;

import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Standardizer;
import dev.netc.runtime.data.Transform;
import dev.netc.runtime.io.SavedTransform;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.io.WeightFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The weight file of {@link Iris}: the parameters, checked against the architecture the generated class states
 * ({@code IrisNet.ARCHITECTURE}), and the standardisation fitted in training, so that the application applies exactly
 * what the network was trained on.
 */
final class IrisWeights {

    private IrisWeights() {}

    /** Trained parameters with the standardisation they were trained on. */
    record Trained(float[] parameters, Standardizer standardizer) {}

    /** Saves atomically: a crash leaves the old file or the new one, never a torn one. */
    static void save(Path file, Trained trained) throws WeightFileException {
        SavedTransform standardization =
                SavedTransform.of(trained.standardizer().state());
        WeightFile.of(IrisNet.ARCHITECTURE, trained.parameters(), List.of(standardization))
                .save(file);
    }

    /**
     * Reads and checks a weight file written by {@link #save}.
     *
     * @throws IOException naming the file: it cannot be read, is damaged, holds weights of another shape, or lacks
     *     a valid standardisation
     */
    static Trained load(Path file) throws IOException {
        WeightFile weights = WeightFile.read(file);
        float[] parameters = weights.parametersFor(IrisNet.ARCHITECTURE);
        List<SavedTransform> steps = weights.preprocessing();
        if (steps.size() != 1 || !steps.get(0).kind().equals(Standardizer.KIND)) {
            throw new IOException(file + ": expected one preprocessing step, " + Standardizer.KIND + ", found "
                    + (steps.isEmpty()
                            ? "none"
                            : steps.stream().map(SavedTransform::describe).toList()));
        }
        try {
            Standardizer standardizer =
                    (Standardizer) Transform.restore(steps.get(0).state());
            if (standardizer.mean().length != IrisNet.INPUT_SIZE) {
                throw new IOException(file + ": expected a standardisation of " + IrisNet.INPUT_SIZE
                        + " features, found " + standardizer.mean().length);
            }
            return new Trained(parameters, standardizer);
        } catch (DataException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
