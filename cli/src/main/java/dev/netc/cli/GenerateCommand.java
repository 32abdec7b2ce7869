package dev.netc.cli;

import com.palantir.javapoet.JavaFile;
import dev.netc.processor.emit.EmitOptions;
import dev.netc.processor.emit.NetworkClassEmitter;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.SourcePosition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netc generate SPEC... -d DIR}: writes the Java source of each spec's network class under {@code DIR}, in
 * package folders, for build tools other than Maven. The sources are the ones the annotation processor writes for the
 * same specs. Every spec is checked first; when any has an error, nothing is written.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = NetcVersion.class,
        description = {
            "Checks each YAML spec and writes its generated Java class under DIR.",
            "Nothing is written when a spec has errors; they are printed as",
            "  path:line:column: error: message [netc:tag]"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every class was written.",
            "1:A spec has errors, or a file could not be read or written.",
            "2:Usage error: unknown option, no SPEC, no -d."
        })
final class GenerateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "YAML spec files.")
    private List<String> specs;

    @Option(
            names = {"-d", "--directory"},
            required = true,
            paramLabel = "DIR",
            description = "Source root to write into (package folders are created).")
    private Path directory;

    @Option(
            names = "--unroll-limit",
            paramLabel = "N",
            description = "Dense layers with at most N weights and biases are unrolled; 0 loops every layer "
                    + "(default: ${DEFAULT-VALUE}).")
    private int unrollLimit = EmitOptions.DEFAULT_UNROLL_LIMIT;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (unrollLimit < 0 || unrollLimit > EmitOptions.MAX_UNROLL_LIMIT) {
            err.printf(
                    Locale.ROOT,
                    "netc generate: --unroll-limit must be 0 to %d, found %d%n",
                    EmitOptions.MAX_UNROLL_LIMIT,
                    unrollLimit);
            err.flush();
            return 2;
        }
        Optional<List<JavaFile>> files = generate(err);
        if (files.isEmpty()) {
            err.flush();
            return CheckCommand.ERRORS_FOUND;
        }
        try {
            for (JavaFile file : files.get()) {
                Path written = SourceFiles.write(directory, file);
                spec.commandLine().getOut().println(written);
            }
        } catch (IOException e) {
            err.println("netc generate: " + e.getMessage());
            err.flush();
            return CheckCommand.ERRORS_FOUND;
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Checks every spec and emits its class; empty (with the diagnostics printed) when any spec has an error. */
    private Optional<List<JavaFile>> generate(PrintWriter err) {
        DiagnosticPrinter printer = new DiagnosticPrinter(err);
        Map<String, String> specOfClass = new TreeMap<>();
        List<JavaFile> files = new ArrayList<>();
        boolean clean = true;
        for (String typed : specs) {
            Diagnostics diagnostics = new Diagnostics();
            Optional<CheckedNetwork> network = SpecCheck.read(typed, diagnostics);
            for (Diagnostic diagnostic : diagnostics.all()) {
                printer.print(typed, diagnostic);
            }
            if (network.isEmpty()) {
                clean = false;
                continue;
            }
            String className = network.get().spec().qualifiedName();
            String earlier = specOfClass.putIfAbsent(className, typed);
            if (earlier != null) {
                printer.print(
                        typed,
                        Diagnostic.error(
                                DiagnosticCode.DUPLICATE_CLASS, SourcePosition.NONE, className, earlier, typed));
                clean = false;
                continue;
            }
            EmitOptions options = new EmitOptions(unrollLimit, typed, false);
            files.add(NetworkClassEmitter.emit(network.get(), options));
        }
        return clean ? Optional.of(files) : Optional.empty();
    }
}
