package dev.netc.cli;

import dev.netc.runtime.io.Architecture;
import dev.netc.runtime.io.Safetensors;
import dev.netc.runtime.io.SafetensorsFile;
import dev.netc.runtime.io.SavedTransform;
import dev.netc.runtime.io.WeightFile;
import dev.netc.runtime.io.WeightFileException;
import dev.netc.runtime.io.WeightFormat;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.SourcePosition;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netc inspect FILE...}: shows what a weight file holds, in netc's format or safetensors (told apart by their
 * first bytes): the network's architecture, the tensors with their shapes, the number of parameters, and whether the
 * checksums hold. Reading checks the whole file as loading would, so a file that inspects cleanly loads.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        versionProvider = NetcVersion.class,
        description = {
            "Shows the architecture, tensors, parameter count and checksum status",
            "of weight files: netc's own (.netc) or safetensors.",
            "A file that cannot be read or is damaged is reported on standard error as",
            "  FILE: what is wrong [weights:tag]"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every file was read and is intact.",
            "1:A file is missing, damaged or not a weight file.",
            "2:Usage error: unknown option, no FILE."
        })
final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Weight files to inspect.")
    private List<String> files;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        boolean shown = false;
        for (String file : files) {
            Optional<String> report = inspect(file, err);
            if (report.isEmpty()) {
                failed++;
                continue;
            }
            if (shown) {
                out.println();
            }
            out.print(report.get());
            shown = true;
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : CheckCommand.ERRORS_FOUND;
    }

    /** The report on the file typed as {@code typed}; empty, with the error printed, when it cannot be read intact. */
    private static Optional<String> inspect(String typed, PrintWriter err) {
        try {
            Path path = Path.of(typed);
            return Optional.of(
                    WeightFormat.of(path) == WeightFormat.NETC
                            ? netc(typed, WeightFile.read(path))
                            : safetensors(typed, Safetensors.read(path)));
        } catch (WeightFileException e) {
            err.println(e.getMessage());
        } catch (InvalidPathException e) {
            err.println(typed + ": not a valid path: " + e.getReason());
        } catch (RuntimeException e) {
            new DiagnosticPrinter(err)
                    .print(
                            typed,
                            Diagnostic.error(
                                    DiagnosticCode.INTERNAL_ERROR,
                                    SourcePosition.NONE,
                                    typed,
                                    SpecCheck.trace(e, SpecCheck.FRAMES_SHOWN)));
        }
        return Optional.empty();
    }

    private static String netc(String typed, WeightFile weights) {
        Architecture architecture = weights.architecture();
        StringBuilder text = new StringBuilder();
        line(text, "file", typed);
        line(text, "format", "netc weights, version " + weights.formatVersion());
        line(text, "checksums", "ok (CRC32C of the header and of every section)");
        line(text, "network", architecture.describe());
        text.append("tensors:\n");
        int width = architecture.tensors().stream()
                .mapToInt(tensor -> tensor.name().length())
                .max()
                .orElse(0);
        for (Architecture.Tensor tensor : architecture.tensors()) {
            text.append("  ")
                    .append(tensor.name())
                    .append(" ".repeat(width - tensor.name().length() + 2))
                    .append("F32  ")
                    .append(tensor.shapeText())
                    .append('\n');
        }
        line(text, "parameters", String.format(Locale.ROOT, "%,d", architecture.parameterCount()));
        line(
                text,
                "preprocessing",
                weights.preprocessing().isEmpty()
                        ? "none"
                        : weights.preprocessing().stream()
                                .map(SavedTransform::describe)
                                .collect(Collectors.joining(", then ")));
        if (!weights.classes().isEmpty()) {
            line(text, "classes", String.join(", ", weights.classes()));
        }
        return text.toString();
    }

    private static String safetensors(String typed, SafetensorsFile file) {
        StringBuilder text = new StringBuilder();
        line(text, "file", typed);
        line(text, "format", String.format(Locale.ROOT, "safetensors, header of %,d bytes", file.headerLength()));
        line(text, "checksums", "none (safetensors has no checksum); header, types and offsets are valid");
        line(
                text,
                "metadata",
                file.metadata().isEmpty()
                        ? "none"
                        : file.metadata().entrySet().stream()
                                .map(Map.Entry::toString)
                                .collect(Collectors.joining(", ")));
        line(
                text,
                "network",
                file.sequentialWidths()
                        .map(widths -> String.format(
                                Locale.ROOT,
                                "nn.Sequential of %d Linear layers, %s",
                                widths.size() - 1,
                                widths.stream().map(String::valueOf).collect(Collectors.joining(" -> "))))
                        .orElse("not an nn.Sequential of Linear layers: load it with a TensorMapping"));
        text.append("tensors:\n").append(file.describe()).append('\n');
        line(
                text,
                "parameters",
                String.format(
                        Locale.ROOT,
                        "%,d in %d tensors",
                        file.elementCount(),
                        file.tensors().size()));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(label).append(": ").append(value).append('\n');
    }
}
