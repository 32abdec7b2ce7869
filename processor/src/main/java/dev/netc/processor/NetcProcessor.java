package dev.netc.processor;

import com.google.auto.service.AutoService;
import dev.netc.Network;
import dev.netc.check.SpecValidator;
import dev.netc.processor.read.AnnotatedNetwork;
import dev.netc.processor.read.InterfaceSpecReader;
import dev.netc.processor.read.JavaTypeChecks;
import dev.netc.processor.read.SignatureRules;
import dev.netc.processor.read.SpecFileLocator;
import dev.netc.processor.read.SpecFileLocator.SpecFile;
import dev.netc.processor.report.JavacLocation;
import dev.netc.processor.report.JavacReporter;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.SourcePosition;
import dev.netc.yaml.YamlSpecReader;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic.Kind;

/**
 * The netc annotation processor: reads each {@link Network} interface and each YAML spec in the directories named by
 * {@code -Anetc.specDir}, validates them, prints every diagnostic on its source, and writes the class of each network
 * that has no error (see {@link ProcessorOptions} for the options).
 *
 * <p>YAML specs are read in the first round, in the order {@link SpecFileLocator} gives; then interfaces are processed
 * in order of their qualified names, so output and messages do not depend on javac's order. When netc's options are
 * given, the processor asks javac for every round ({@code "*"}): a compilation of YAML specs may have no annotated
 * source at all, and javac counts a processor's options as recognized only once it has run.
 *
 * <p>An interface whose parameter or return type does not exist yet (another processor may generate it) is retried by
 * name in the next round, as AutoValue does, and reported only if it is still missing when processing is over. A bug
 * in netc becomes an error on the spec being processed (on the interface, or naming the YAML file), and the other
 * specs are still processed. The annotations are left unclaimed ({@code process} returns false) for other processors.
 */
@AutoService(Processor.class)
public final class NetcProcessor extends AbstractProcessor {

    /** How many stack frames an internal-error message shows. */
    private static final int TRACE_FRAMES = 5;

    /** Where each clean annotated interface goes: the {@link NetworkWriter}, or a test's consumer. */
    private final Consumer<ReadyNetwork> generator;
    /** Deferred interfaces by qualified name, each with the type it is waiting for. */
    private final Map<String, String> deferred = new TreeMap<>();

    private final ClassClaims claims = new ClassClaims();
    private ProcessorOptions options = ProcessorOptions.DEFAULTS;
    /** Whether javac is to call this processor in every round, not only for {@link Network} interfaces. */
    private boolean everyRound;

    private boolean specFilesRead;
    private Elements elements;
    private InterfaceSpecReader reader;
    private JavacReporter reporter;
    private NetworkWriter writer;

    /** The processor javac loads: it writes the class of every clean network. */
    public NetcProcessor() {
        this.generator = ready -> writer.write(ready);
    }

    /**
     * A processor that hands each clean annotated interface to {@code generator} instead of writing its class: the
     * seam through which tests observe the front end. Classes of YAML specs are still written.
     */
    NetcProcessor(Consumer<ReadyNetwork> generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return everyRound ? Set.of("*") : Set.of(Network.class.getCanonicalName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.copyOf(ProcessorOptions.NAMES);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        elements = environment.getElementUtils();
        reader = new InterfaceSpecReader(elements);
        reporter = JavacReporter.create(environment);
        Diagnostics problems = new Diagnostics();
        options = ProcessorOptions.parse(environment.getOptions(), problems);
        everyRound = ProcessorOptions.anyGiven(environment.getOptions());
        reporter.printAll(problems.all());
        writer = new NetworkWriter(environment, options, reporter);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            deferred.forEach((name, missing) ->
                    lookUp(name).ifPresent(type -> guarded(type, () -> reportUnresolved(type, missing))));
            deferred.clear();
            return false;
        }
        if (!specFilesRead) {
            specFilesRead = true;
            guarded(String.join(File.pathSeparator, options.specDirs()), Optional.empty(), this::processSpecFiles);
        }
        networksOf(round).forEach(type -> guarded(type, () -> process(type)));
        return false;
    }

    private void guarded(TypeElement type, Runnable step) {
        guarded(type.getQualifiedName().toString(), Optional.of(type), step);
    }

    /**
     * Runs one step on one spec; a bug becomes an error on the spec (on {@code element} when it is an interface), and
     * the others carry on.
     */
    private void guarded(String spec, Optional<Element> element, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException bug) {
            reportInternalError(spec, element, bug);
        }
    }

    /** Processes the YAML specs of the directories named by the options; problems with a directory are reported. */
    private void processSpecFiles() {
        Diagnostics problems = new Diagnostics();
        List<SpecFile> files =
                SpecFileLocator.locate(options.specDirs(), Path.of("").toAbsolutePath(), problems);
        reporter.printAll(problems.all());
        files.forEach(file -> guarded(file.displayPath(), Optional.empty(), () -> process(file)));
    }

    /** This round's interfaces and the ones deferred from the last round, sorted by qualified name. */
    private List<TypeElement> networksOf(RoundEnvironment round) {
        Map<String, TypeElement> sorted = new TreeMap<>();
        for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(Network.class))) {
            sorted.put(type.getQualifiedName().toString(), type);
        }
        deferred.keySet().forEach(name -> lookUp(name).ifPresent(type -> sorted.put(name, type)));
        deferred.clear();
        return List.copyOf(sorted.values());
    }

    /**
     * A deferred interface, looked up again by name: the element of an earlier round may be stale. javac always finds
     * a source type again, so empty would only mean an environment that drops types between rounds.
     */
    private Optional<TypeElement> lookUp(String name) {
        return Optional.ofNullable(elements.getTypeElement(name));
    }

    private void process(SpecFile file) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<CheckedNetwork> checked = YamlSpecReader.read(file.file(), file.displayPath(), diagnostics)
                .flatMap(spec -> check(spec, file.displayPath(), diagnostics))
                .filter(network -> diagnostics.isClean());
        reporter.printAll(diagnostics.all());
        checked.ifPresent(network -> writer.write(network, file.displayPath()));
    }

    private void process(TypeElement type) {
        Optional<String> unresolved = JavaTypeChecks.unresolvedType(type, elements);
        if (unresolved.isPresent()) {
            deferred.put(type.getQualifiedName().toString(), unresolved.get());
            return;
        }
        Diagnostics diagnostics = new Diagnostics();
        Optional<ReadyNetwork> ready = reader.read(type, diagnostics).flatMap(read -> check(type, read, diagnostics));
        reporter.printAll(diagnostics.all());
        ready.ifPresent(generator);
    }

    /** Validates the interface's network and signature; the network is ready only when nothing was reported. */
    private Optional<ReadyNetwork> check(TypeElement type, AnnotatedNetwork read, Diagnostics diagnostics) {
        return check(read.spec(), type.getQualifiedName().toString(), diagnostics)
                .filter(network -> SignatureRules.check(network, read.signature(), diagnostics))
                .filter(network -> diagnostics.isClean())
                .map(network -> new ReadyNetwork(network, read.signature(), type));
    }

    /** Claims the network's class name for {@code origin} and validates the network. */
    private Optional<CheckedNetwork> check(NetworkSpec spec, String origin, Diagnostics diagnostics) {
        claims.claim(spec.qualifiedName(), origin, spec.positions().of(NetworkSpec.NAME))
                .forEach(diagnostics::add);
        return SpecValidator.validate(spec, diagnostics);
    }

    /** Reports an interface whose type is still missing when processing is over: nothing will generate it now. */
    private void reportUnresolved(TypeElement type, String missing) {
        reporter.print(Diagnostic.error(
                DiagnosticCode.UNRESOLVED_TYPE, JavacLocation.of(type).position(), missing));
    }

    /**
     * Reports a bug met while processing {@code spec}, with the top of its stack trace, on the interface if it is one.
     * It goes straight to the {@code Messager}, as the bug may be in the reporter.
     */
    private void reportInternalError(String spec, Optional<Element> element, RuntimeException bug) {
        String trace = Stream.concat(
                        Stream.of(bug.toString()),
                        Arrays.stream(bug.getStackTrace()).limit(TRACE_FRAMES).map(frame -> "\tat " + frame))
                .collect(Collectors.joining("\n"));
        String message = Diagnostic.error(DiagnosticCode.INTERNAL_ERROR, SourcePosition.NONE, spec, trace)
                .messageWithTag();
        if (element.isPresent()) {
            processingEnv.getMessager().printMessage(Kind.ERROR, message, element.get());
        } else {
            processingEnv.getMessager().printMessage(Kind.ERROR, message);
        }
    }
}
