package dev.netc.cli;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.data.DataException;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.io.WeightFileException;
import dev.netc.runtime.metrics.Metric;
import dev.netc.runtime.train.Evaluation;
import dev.netc.runtime.train.Trainer;
import dev.netc.spec.CheckedNetwork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netc evaluate SPEC --weights FILE --data FILE}: applies the preprocessing saved with the weights and prints
 * the loss and metrics, one {@code name: value} a line.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = NetcVersion.class,
        description = "Evaluates trained weights on labelled data: one 'name: value' line per figure.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Evaluated.", "1:The spec, the weights or the data has errors.", "2:Usage error."})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The YAML spec the weights were trained for.")
    private String specFile;

    @Option(names = "--weights", required = true, paramLabel = "FILE", description = "A netc weight file.")
    private Path weights;

    @Mixin
    private DataOptions data;

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
            WeightFile file = WeightFile.read(weights);
            float[] parameters = file.parametersFor(Architecture.of(network));
            Dataset labelled = Preprocessing.apply(
                    Preprocessing.restore(file.preprocessing()),
                    data.load(network, DataOptions.classes(network, file)));
            TrainableNetwork net = InMemoryCompiler.load(network, specFile);
            Trainer trainer = Trainer.of(net).describedBy(network);
            if (TrainCommand.isClassifier(network)) {
                trainer.metrics(Metric.accuracy());
            }
            Evaluation evaluation = trainer.evaluate(parameters, labelled);
            PrintWriter out = spec.commandLine().getOut();
            out.print(evaluation.format());
            out.flush();
            return 0;
        } catch (DataException | WeightFileException | IllegalArgumentException e) {
            err.println("netc evaluate: " + e.getMessage());
            err.flush();
            return CheckCommand.ERRORS_FOUND;
        }
    }
}
