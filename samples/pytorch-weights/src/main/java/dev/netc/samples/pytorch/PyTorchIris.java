package dev.netc.samples.pytorch;

import dev.netc.runtime.data.CsvDataset;
import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.io.Safetensors;
import dev.netc.runtime.io.WeightFileException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs weights PyTorch saved as safetensors in the class netc generated from {@code src/main/netc/iris.yaml}, and
 * prints each flower's class probabilities. The file is the state dict of an {@code nn.Sequential} of {@code
 * nn.Linear} layers and activations; netc pairs its {@code 0.*}, {@code 2.*}, {@code 4.*} tensors with the spec's
 * dense layers in order, so no tensor mapping is needed.
 *
 * <pre>
 * java dev.netc.samples.pytorch.PyTorchIris [WEIGHTS.safetensors [DATA.csv]]
 * </pre>
 *
 * <p>Defaults, from the repository's root: {@code samples/pytorch-weights/pytorch/iris_sequential.safetensors} and
 * {@code data/iris/iris.csv}. The sample's weights are PyTorch's initialisation, not trained ones, so the predicted
 * species are not meant to be right: what the sample shows is that netc computes what PyTorch computes
 * ({@code PyTorchAgreementTest}).
 */
public final class PyTorchIris {

    /** The species, in the order of the spec's {@code classes} and the network's outputs. */
    static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");

    private PyTorchIris() {}

    /**
     * The parameters in {@code file}, in the generated class's layout.
     *
     * @throws WeightFileException naming the file and every tensor at fault (missing, of another shape or type)
     */
    static float[] load(Path file) throws WeightFileException {
        return Safetensors.load(file, IrisNet.ARCHITECTURE);
    }

    /**
     * The network's outputs for {@code count} rows of raw features, one after the other.
     *
     * @return {@code count * 3} probabilities, row-major
     */
    static float[] predict(float[] parameters, float[] rows, int count) {
        float[] outputs = new float[count * IrisNet.OUTPUT_SIZE];
        new IrisNet().predictBatch(parameters, rows, count, outputs);
        return outputs;
    }

    public static void main(String[] args) {
        Path weights =
                Path.of(args.length > 0 ? args[0] : "samples/pytorch-weights/pytorch/iris_sequential.safetensors");
        Path data = Path.of(args.length > 1 ? args[1] : "data/iris/iris.csv");
        try {
            float[] parameters = load(weights);
            Dataset iris = CsvDataset.builder()
                    .classColumn("species")
                    .classes(CLASSES)
                    .build()
                    .read(data);
            print(iris, predict(parameters, iris.features(), iris.size()), System.out);
        } catch (WeightFileException | DataException e) {
            System.err.println("pytorch-iris: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One line per row: its number, the probabilities, the predicted species and the species in the data. */
    static void print(Dataset rows, float[] outputs, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%4s  %-10s %-10s %-10s  %-10s  %s%n",
                "row",
                "setosa",
                "versicolor",
                "virginica",
                "predicted",
                "in the data");
        for (int row = 0; row < rows.size(); row++) {
            int at = row * IrisNet.OUTPUT_SIZE;
            int best = 0;
            for (int o = 1; o < IrisNet.OUTPUT_SIZE; o++) {
                best = outputs[at + o] > outputs[at + best] ? o : best;
            }
            out.printf(
                    Locale.ROOT,
                    "%4d  %-10.6f %-10.6f %-10.6f  %-10s  %s%n",
                    row + 1,
                    outputs[at],
                    outputs[at + 1],
                    outputs[at + 2],
                    CLASSES.get(best),
                    CLASSES.get(rows.classIndex(row)));
        }
    }
}
