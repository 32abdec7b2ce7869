package dev.netc.samples.embedded;

import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Standardizer;
import dev.netc.runtime.data.Transform;
import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.SavedTransform;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.io.WeightFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The weight file of {@link Iris}: the parameters, the architecture they are checked against, and the standardisation
 * fitted in training, so that the application applies exactly what the network was trained on.
 *
 * <p>Why the architecture is written out here: {@code Architecture.of} needs the checked spec, which only the
 * processor sees (the annotations have source retention), while the generated class keeps only its shapes, as
 * constants. The sizes below are those constants, so a change of a layer's units in {@link Iris} changes this
 * architecture too; the layer names are the default ones ({@code dense1}, ...) and the activations are shown by
 * {@code netc inspect} but not compared when loading.
 */
final class IrisWeights {

    /** IrisNet as its weight file records it; loading refuses a file whose tensors have other shapes. */
    static final Architecture ARCHITECTURE = new Architecture(
            "IrisNet",
            IrisNet.INPUT_SIZE,
            List.of(
                    dense("dense1", "input", IrisNet.INPUT_SIZE, IrisNet.DENSE1_UNITS, "tanh"),
                    dense("dense2", "dense1", IrisNet.DENSE1_UNITS, IrisNet.DENSE2_UNITS, "relu"),
                    dense("dense3", "dense2", IrisNet.DENSE2_UNITS, IrisNet.DENSE3_UNITS, "softmax")));

    private IrisWeights() {}

    /** Trained parameters with the standardisation they were trained on. */
    record Trained(float[] parameters, Standardizer standardizer) {}

    /** Saves atomically: a crash leaves the old file or the new one, never a torn one. */
    static void save(Path file, Trained trained) throws WeightFileException {
        SavedTransform standardization =
                SavedTransform.of(trained.standardizer().state());
        WeightFile.of(ARCHITECTURE, trained.parameters(), List.of(standardization))
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
        float[] parameters = weights.parametersFor(ARCHITECTURE);
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

    private static Architecture.Layer dense(String name, String input, int inputs, int units, String activation) {
        return new Architecture.Layer(name, Architecture.DENSE, List.of(input), inputs, units, true, activation, 0);
    }
}
