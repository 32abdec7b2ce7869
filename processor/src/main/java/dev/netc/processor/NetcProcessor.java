package dev.netc.processor;

import com.google.auto.service.AutoService;
import dev.netc.Network;
import dev.netc.check.SpecValidator;
import dev.netc.processor.read.AnnotatedNetwork;
import dev.netc.processor.read.InterfaceSpecReader;
import dev.netc.processor.read.JavaTypeChecks;
import dev.netc.processor.read.SignatureRules;
import dev.netc.processor.report.JavacLocation;
import dev.netc.processor.report.JavacReporter;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
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
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic.Kind;

/**
 * The netc annotation processor: reads each {@link Network} interface, validates it, prints every diagnostic on the
 * source, and hands each network that has no error to code generation.
 *
 * <p>Interfaces are processed in order of their qualified names, so output and messages do not depend on javac's
 * order. One whose parameter or return type does not exist yet (another processor may generate it) is retried by name
 * in the next round, as AutoValue does, and reported only if it is still missing when processing is over. A bug in
 * netc becomes an error on the interface being processed, and the other interfaces are still processed. The
 * annotations are left unclaimed ({@code process} returns false) for other processors.
 */
@AutoService(Processor.class)
public final class NetcProcessor extends AbstractProcessor {

    /** How many stack frames an internal-error message shows. */
    private static final int TRACE_FRAMES = 5;

    private final Consumer<ReadyNetwork> generator;
    /** Deferred interfaces by qualified name, each with the type it is waiting for. */
    private final Map<String, String> deferred = new TreeMap<>();

    private final ClassClaims claims = new ClassClaims();
    private Elements elements;
    private InterfaceSpecReader reader;
    private JavacReporter reporter;

    /** The processor javac loads; it generates nothing yet. */
    public NetcProcessor() {
        this(network -> {});
    }

    /** A processor that hands each clean network to {@code generator}: where code generation plugs in. */
    NetcProcessor(Consumer<ReadyNetwork> generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Network.class.getCanonicalName());
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
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            deferred.forEach((name, missing) ->
                    lookUp(name).ifPresent(type -> guarded(type, unresolved -> reportUnresolved(unresolved, missing))));
            deferred.clear();
        } else {
            networksOf(round).forEach(type -> guarded(type, this::process));
        }
        return false;
    }

    /** Runs one step on one interface; a bug becomes an error on the interface, and the others carry on. */
    private void guarded(TypeElement type, Consumer<TypeElement> step) {
        try {
            step.accept(type);
        } catch (RuntimeException bug) {
            reportInternalError(type, bug);
        }
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

    /** Validates the network and claims its class name; the network is ready only when nothing was reported. */
    private Optional<ReadyNetwork> check(TypeElement type, AnnotatedNetwork read, Diagnostics diagnostics) {
        NetworkSpec spec = read.spec();
        claims.claim(
                        spec.qualifiedName(),
                        type.getQualifiedName().toString(),
                        spec.positions().of(NetworkSpec.NAME))
                .forEach(diagnostics::add);
        Optional<CheckedNetwork> checked = SpecValidator.validate(spec, diagnostics)
                .filter(network -> SignatureRules.check(network, read.signature(), diagnostics));
        if (checked.isEmpty() || !diagnostics.isClean()) {
            return Optional.empty();
        }
        return Optional.of(new ReadyNetwork(checked.get(), read.signature(), type));
    }

    /** Reports an interface whose type is still missing when processing is over: nothing will generate it now. */
    private void reportUnresolved(TypeElement type, String missing) {
        reporter.print(Diagnostic.error(
                DiagnosticCode.UNRESOLVED_TYPE, JavacLocation.of(type).position(), missing));
    }

    /**
     * Reports a bug on the interface being processed, with the top of its stack trace. It goes straight to the
     * {@code Messager}, as the bug may be in the reporter.
     */
    private void reportInternalError(TypeElement type, RuntimeException bug) {
        String trace = Stream.concat(
                        Stream.of(bug.toString()),
                        Arrays.stream(bug.getStackTrace()).limit(TRACE_FRAMES).map(frame -> "\tat " + frame))
                .collect(Collectors.joining("\n"));
        Diagnostic diagnostic = Diagnostic.error(
                DiagnosticCode.INTERNAL_ERROR, JavacLocation.of(type).position(), type.getQualifiedName(), trace);
        processingEnv.getMessager().printMessage(Kind.ERROR, diagnostic.messageWithTag(), type);
    }
}
