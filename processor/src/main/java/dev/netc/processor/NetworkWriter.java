package dev.netc.processor;

import com.palantir.javapoet.JavaFile;
import dev.netc.processor.emit.EmitOptions;
import dev.netc.processor.emit.NetworkClassEmitter;
import dev.netc.processor.read.JavaSignature;
import dev.netc.processor.report.JavacReporter;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Severity;
import dev.netc.spec.diag.SourcePosition;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * Writes the class of each clean network through javac's {@link Filer}, so javac compiles it in the same run. A file
 * that cannot be written (the Filer refuses a second file for one type, the disk is full) is an error at the spec's
 * name, not an exception. With {@code -Anetc.verbose}, each class written gets a note at its spec's name summing it up
 * (sizes, FLOPs, which layers are unrolled).
 */
final class NetworkWriter {

    /** The annotation generated classes carry when the compilation's platform has it (Java 9 and later). */
    private static final String GENERATED = "javax.annotation.processing.Generated";

    private final Filer filer;
    private final JavacReporter reporter;
    private final ProcessorOptions options;
    private final boolean generatedAnnotation;

    NetworkWriter(ProcessingEnvironment environment, ProcessorOptions options, JavacReporter reporter) {
        this.filer = environment.getFiler();
        this.reporter = reporter;
        this.options = options;
        this.generatedAnnotation = environment.getElementUtils().getTypeElement(GENERATED) != null;
    }

    /**
     * Writes the class of an annotated interface, which implements it; the interface is the file's originating
     * element.
     */
    void write(ReadyNetwork ready) {
        write(
                ready.network(),
                Optional.of(ready.signature()),
                "interface " + ready.origin().getQualifiedName(),
                ready.origin());
    }

    /**
     * Writes the class of a YAML spec. It has no originating element: it depends on no Java source.
     *
     * @param source the spec's path, as messages name it
     */
    void write(CheckedNetwork network, String source) {
        write(network, Optional.empty(), source);
    }

    private void write(
            CheckedNetwork network, Optional<JavaSignature> signature, String source, Element... originatingElements) {
        EmitOptions emitOptions = new EmitOptions(options.unrollLimit(), source, generatedAnnotation);
        JavaFile file = NetworkClassEmitter.emit(network, signature, emitOptions);
        NetworkSpec spec = network.spec();
        String className = spec.qualifiedName();
        SourcePosition at = spec.positions().of(NetworkSpec.NAME);
        try {
            JavaFileObject target = filer.createSourceFile(className, originatingElements);
            try (Writer writer = target.openWriter()) {
                file.writeTo(writer);
            }
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            reporter.print(Diagnostic.error(DiagnosticCode.WRITE_FAILED, at, className, reason));
            return;
        }
        if (options.verbose()) {
            String summary = NetworkClassEmitter.summary(network, emitOptions);
            reporter.print(new Diagnostic(
                    Severity.NOTE,
                    DiagnosticCode.GENERATED,
                    DiagnosticCode.GENERATED.format(className, source, summary),
                    at));
        }
    }
}
