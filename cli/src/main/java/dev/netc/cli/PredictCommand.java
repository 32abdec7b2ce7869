package dev.netc.cli;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.CsvDataset;
import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.FeatureTransform;
import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Safetensors;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.io.WeightFileException;
import dev.netc.runtime.io.WeightFormat;
import dev.netc.spec.CheckedNetwork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netc predict SPEC --weights FILE --input CSV}: runs the network on each row of a CSV file of numeric
 * features (with or without a header), after the preprocessing saved with the weights, and writes one CSV row of
 * outputs per input row to standard output. The weights may also be a safetensors file written by PyTorch from an
 * {@code nn.Sequential} of {@code nn.Linear} layers and activations; such a file carries no preprocessing.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = NetcVersion.class,
        description = {
            "Writes the network's outputs for each row of a CSV file of numeric features, as CSV.",
            "The first line is a header naming the outputs (the classes, when the spec or the weight file names them)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Predicted.", "1:The spec, the weights or the input has errors.", "2:Usage error."})
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The YAML spec the weights were trained for.")
    private String specFile;

    @Option(
            names = "--weights",
            required = true,
            paramLabel = "FILE",
            description = "A netc weight file, or a safetensors file (PyTorch names; no preprocessing).")
    private Path weights;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "Numeric features, one row each.")
    private Path input;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<CheckedNetwork> checked = SpecCheck.readPrinting(specFile, err);
        if (checked.isEmpty()) {
            return CheckCommand.ERRORS_FOUND;
        }
        try {
            CheckedNetwork network = checked.get();
            Architecture architecture = Architecture.of(network);
            float[] parameters;
            List<FeatureTransform> transforms;
            List<String> classes;
            if (WeightFormat.of(weights) == WeightFormat.SAFETENSORS) {
                parameters = Safetensors.load(weights, architecture);
                transforms = List.of(); // safetensors files carry no preprocessing
                classes = network.spec().classes();
            } else {
                WeightFile file = WeightFile.read(weights);
                parameters = file.parametersFor(architecture);
                transforms = Preprocessing.restore(file.preprocessing());
                classes = DataOptions.classes(network, file);
            }
            Dataset rows = CsvDataset.builder().header(hasHeader(input)).build().read(input);
            if (rows.featureSize() != network.inputSize()) {
                throw new DataException(String.format(
                        java.util.Locale.ROOT,
                        "%s: expected %d feature columns (the network's input size), found %d",
                        input,
                        network.inputSize(),
                        rows.featureSize()));
            }
            Dataset features = Preprocessing.apply(transforms, rows);
            TrainableNetwork net = InMemoryCompiler.load(network, specFile);
            float[] outputs = new float[features.size() * network.outputSize()];
            net.predictBatch(parameters, features.features(), features.size(), outputs);
            write(outputNames(network, classes), outputs, spec.commandLine().getOut());
            return 0;
        } catch (DataException | WeightFileException | IllegalArgumentException e) {
            err.println("netc predict: " + e.getMessage());
            err.flush();
            return CheckCommand.ERRORS_FOUND;
        }
    }

    private static void write(List<String> names, float[] outputs, PrintWriter out) {
        int width = names.size();
        out.println(String.join(",", names));
        StringBuilder row = new StringBuilder();
        for (int start = 0; start < outputs.length; start += width) {
            row.setLength(0);
            for (int i = 0; i < width; i++) {
                row.append(i == 0 ? "" : ",").append(outputs[start + i]);
            }
            out.println(row);
        }
        out.flush();
    }

    /**
     * The class names (the spec's, or those the weight file recorded) when they name every output, else {@code
     * output0}, {@code output1}, ...
     */
    private static List<String> outputNames(CheckedNetwork network, List<String> classes) {
        if (classes.size() == network.outputSize()) {
            return classes;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < network.outputSize(); i++) {
            names.add("output" + i);
        }
        return names;
    }

    /** Whether the file's first record has a field that is not a number, i.e. is a header. */
    private static boolean hasHeader(Path file) {
        return CsvFirstRecord.of(file)
                .map(first -> !first.stream().allMatch(CsvFirstRecord::isNumber))
                .orElse(false);
    }
}
