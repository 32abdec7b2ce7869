package dev.netc.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of netc itself: one javac run over a module of {@link SpecModule}'s ten specs, in process through {@code
 * javax.tools}, as a build tool runs it. {@link #compileModule} reads, checks and generates the ten classes and
 * compiles them; {@link #processOnly} stops after generation ({@code -proc:only}), so the difference is javac
 * compiling the generated code.
 *
 * <p>Single shots: the first iteration of a fork is a cold javac (what one build pays), the warm-up iterations let
 * the JIT compile javac and the processor (what a build daemon pays). {@code -wi 0 -i 1 -f 5} gives five cold runs.
 * The processor and the runtime come from the benchmark jar's own class path.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(2)
@State(Scope.Thread)
public class ProcessorCostBenchmark {

    private Path root;
    private Path specs;
    private Path output;
    private JavaCompiler javac;
    private StandardJavaFileManager files;

    @Setup
    public void writeModule() throws IOException {
        root = Files.createTempDirectory("netc-processor-cost");
        specs = root.resolve("specs");
        SpecModule.writeTo(specs);
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the benchmark on a JDK, not a JRE");
        }
        files = javac.getStandardFileManager(null, null, null);
    }

    /** Every shot writes into empty folders. */
    @Setup(Level.Iteration)
    public void freshOutput() throws IOException {
        output = Files.createTempDirectory(root, "out");
    }

    @TearDown
    public void deleteModule() throws IOException {
        files.close();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** javac with the processor: ten specs read, checked, generated and compiled. */
    @Benchmark
    public int compileModule() throws IOException {
        return compile(List.of());
    }

    /** The same run stopped after generation. */
    @Benchmark
    public int processOnly() throws IOException {
        return compile(List.of("-proc:only"));
    }

    /** Runs javac over the module; returns the number of generated sources, checked against the module's size. */
    private int compile(List<String> extra) throws IOException {
        Path sources = Files.createDirectories(output.resolve("sources"));
        Path classes = Files.createDirectories(output.resolve("classes"));
        List<String> options = new ArrayList<>(List.of(
                "-processor",
                "dev.netc.processor.NetcProcessor",
                "-Anetc.specDir=" + specs,
                "-classpath",
                System.getProperty("java.class.path"),
                "-s",
                sources.toString(),
                "-d",
                classes.toString(),
                "--release",
                "17",
                "-implicit:none"));
        options.addAll(extra);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, files, diagnostics, options, List.of("java.lang.Object"), null)
                .call();
        int generated = count(sources);
        if (!ok || generated != SpecModule.size()) {
            throw new IllegalStateException("javac over " + specs + ": expected " + SpecModule.size()
                    + " generated classes and success, found " + generated + " and " + (ok ? "success" : "failure")
                    + ":\n"
                    + diagnostics.getDiagnostics().stream()
                            .map(Object::toString)
                            .collect(Collectors.joining("\n")));
        }
        return generated;
    }

    private static int count(Path sources) {
        try (Stream<Path> all = Files.walk(sources)) {
            return (int) all.filter(path -> path.toString().endsWith(".java")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
