package dev.netc.samples.embedded;

import dev.netc.runtime.data.Standardizer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The trained classifier as the application uses it: raw measurements in, species out. It applies the
 * standardisation saved with the weights before the generated {@link IrisNet} sees the features, which is the step an
 * application most easily forgets (the network then answers confidently and wrongly).
 *
 * <p>Thread-safe: {@code IrisNet} computes in a workspace per thread, the standardisation is immutable, and each call
 * works on its own copy of the features. Nothing writes the parameters after loading.
 */
public final class IrisModel {

    private final IrisNet network;
    private final Standardizer standardizer;

    private IrisModel(IrisWeights.Trained trained) {
        this.network = new IrisNet(trained.parameters());
        this.standardizer = trained.standardizer();
    }

    /**
     * The model saved in {@code weights} by {@link IrisTraining}.
     *
     * @throws IOException naming the file when it cannot be read, is damaged or does not fit {@code IrisNet}
     */
    public static IrisModel load(Path weights) throws IOException {
        return new IrisModel(IrisWeights.load(weights));
    }

    /** The species of a flower with these raw measurements (in cm, as measured). */
    public Species classify(IrisFeatures flower) {
        float[] x = flower.toArray();
        standardizer.applyInPlace(x, x.length);
        return network.classify(IrisFeatures.of(x));
    }
}
