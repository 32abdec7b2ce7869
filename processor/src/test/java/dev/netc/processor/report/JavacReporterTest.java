package dev.netc.processor.report;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.netc.Concat;
import dev.netc.Dense;
import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.ElementPosition;
import dev.netc.spec.diag.FilePosition;
import dev.netc.spec.diag.Severity;
import dev.netc.spec.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Pins where {@link JavacReporter} puts the caret, with javac's {@code Trees} and without them (a wrapped
 * environment, as under Gradle or IntelliJ, where {@code Messager} is all there is).
 */
class JavacReporterTest {

    private static final JavaFileObject GRAPH = JavaFileObjects.forSourceLines(
            "com.example.Graph",
            "package com.example;",
            "",
            "import dev.netc.*;",
            "",
            "interface Graph {",
            "    @Dense(name = \"a\", units = 4)",
            "    @Dense(name = \"b\", units = 4, activation = Activation.SOFTMAX)",
            "    @Dense(name = \"c\", units = 2, inputs = \"m\")",
            "    @Concat(name = \"m\", inputs = {\"a\", \"b\"})",
            "    float[] predict(float[] x);",
            "}");

    private static final JavaFileObject CONTAINER = JavaFileObjects.forSourceLines(
            "com.example.Container",
            "package com.example;",
            "",
            "import dev.netc.*;",
            "",
            "interface Container {",
            "    @Dense.List({@Dense(units = 4), @Dense(units = 0)})",
            "    float[] predict(Features features);",
            "",
            "    record Features(float a, String b) {}",
            "}");

    @Test
    void repeatedAnnotationValueGetsTheCaret() {
        Compilation compilation = report(GRAPH, false, method -> nth(method, Dense.class, 1)
                .value("activation")
                .position());

        assertThat(compilation)
                .hadErrorContaining("com.example.Graph.predict @Dense#2 activation")
                .inFile(GRAPH)
                .onLine(7)
                .atColumn(58);
    }

    @Test
    void withoutTreesRepeatedAnnotationFallsBackToTheMethod() {
        Compilation compilation = report(GRAPH, true, method -> nth(method, Dense.class, 1)
                .value("activation")
                .position());

        assertThat(compilation)
                .hadErrorContaining("@Dense#2 activation")
                .inFile(GRAPH)
                .onLine(10)
                .atColumn(13);
    }

    @Test
    void arrayElementGetsTheCaret() {
        Compilation compilation = report(
                GRAPH,
                false,
                method -> nth(method, Concat.class, 0).value("inputs").index(1).position());

        assertThat(compilation)
                .hadErrorContaining("com.example.Graph.predict @Concat#1 inputs[1]")
                .inFile(GRAPH)
                .onLine(9)
                .atColumn(40);
    }

    @Test
    void withoutTreesArrayElementFallsBackToTheArray() {
        Compilation compilation = report(
                GRAPH,
                true,
                method -> nth(method, Concat.class, 0).value("inputs").index(1).position());

        assertThat(compilation)
                .hadErrorContaining("inputs[1]")
                .inFile(GRAPH)
                .onLine(9)
                .atColumn(34);
    }

    @Test
    void oneElementArrayWrittenWithoutBracesIsItsOwnElement() {
        Compilation compilation = report(
                GRAPH,
                false,
                method -> nth(method, Dense.class, 2).value("inputs").index(0).position());

        assertThat(compilation)
                .hadErrorContaining("@Dense#3 inputs[0]")
                .inFile(GRAPH)
                .onLine(8)
                .atColumn(44);
    }

    @Test
    void valueNotWrittenIsBlamedOnTheAnnotation() {
        Compilation compilation = report(GRAPH, false, method -> nth(method, Dense.class, 0)
                .value("activation")
                .position());

        assertThat(compilation)
                .hadErrorContaining("@Dense#1 activation")
                .inFile(GRAPH)
                .onLine(6)
                .atColumn(5);
    }

    @Test
    void elementsGetTheCaretOnTheirDeclaration() {
        Compilation method = report(GRAPH, false, m -> JavacLocation.of(m).position());
        Compilation type = report(
                GRAPH, false, m -> JavacLocation.of(m.getEnclosingElement()).position());
        Compilation parameter = report(
                GRAPH, false, m -> JavacLocation.of(m.getParameters().get(0)).position());

        assertThat(method)
                .hadErrorContaining("com.example.Graph.predict")
                .inFile(GRAPH)
                .onLine(10)
                .atColumn(13);
        assertThat(type)
                .hadErrorContaining("com.example.Graph")
                .inFile(GRAPH)
                .onLine(5)
                .atColumn(1);
        assertThat(parameter)
                .hadErrorContaining("predict(x)")
                .inFile(GRAPH)
                .onLine(10)
                .atColumn(29);
    }

    @Test
    void explicitContainerValueGetsTheCaretWithAndWithoutTrees() {
        for (boolean hideJavac : new boolean[] {false, true}) {
            Compilation compilation = report(CONTAINER, hideJavac, method -> nth(method, Dense.class, 1)
                    .value("units")
                    .position());

            assertThat(compilation)
                    .hadErrorContaining("@Dense#2 units")
                    .inFile(CONTAINER)
                    .onLine(6)
                    .atColumn(52);
        }
    }

    @Test
    void recordComponentIsBlamedOnItsDeclarationInTheHeader() {
        Compilation compilation = report(CONTAINER, false, method -> {
            DeclaredType parameter =
                    (DeclaredType) method.getParameters().get(0).asType();
            TypeElement record = (TypeElement) parameter.asElement();
            return JavacLocation.of(record.getRecordComponents().get(1)).position();
        });

        assertThat(compilation)
                .hadErrorContaining("com.example.Container.Features.b")
                .inFile(CONTAINER)
                .onLine(9)
                .atColumn(37);
    }

    @Test
    void elementWithoutSourceIsPrintedWithoutPosition() {
        Compilation compilation = report(GRAPH, false, method -> JavacLocation.of(
                        method.getEnclosingElement().getEnclosingElement())
                .position());

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[netc:softmax-not-output]");
    }

    @Test
    void filePositionIsPrefixedToTheMessage() {
        Compilation compilation = report(GRAPH, false, method -> new FilePosition("specs/iris.yaml", 7, 5));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation.errors().get(0).getSource()).isNull();
        assertThat(compilation.errors().get(0).getMessage(null))
                .isEqualTo("specs/iris.yaml:7:5: softmax is allowed only on the output layer, found on 'x'"
                        + " [netc:softmax-not-output]");
    }

    @Test
    void noPositionPrintsTheMessageAlone() {
        Compilation compilation = report(GRAPH, false, method -> SourcePosition.NONE);

        assertThat(compilation.errors().get(0).getMessage(null))
                .isEqualTo("softmax is allowed only on the output layer, found on 'x' [netc:softmax-not-output]");
    }

    @Test
    void severityBecomesTheDiagnosticKind() {
        Compilation warning = compile(
                GRAPH,
                false,
                method -> new Diagnostic(
                        Severity.WARNING,
                        DiagnosticCode.SOFTMAX_NOT_OUTPUT,
                        "a warning",
                        JavacLocation.of(method).position()));
        Compilation note = compile(
                GRAPH,
                false,
                method -> new Diagnostic(
                        Severity.NOTE,
                        DiagnosticCode.SOFTMAX_NOT_OUTPUT,
                        "a note",
                        JavacLocation.of(method).position()));

        assertThat(warning).succeeded();
        assertThat(warning)
                .hadWarningContaining("a warning [netc:softmax-not-output]")
                .inFile(GRAPH)
                .onLine(10);
        assertThat(note).succeeded();
        assertThat(note)
                .hadNoteContaining("a note [netc:softmax-not-output]")
                .inFile(GRAPH)
                .onLine(10);
    }

    /** Reports one error, found on 'x' at the position {@code at} picks on the method {@code predict}. */
    private static Compilation report(
            JavaFileObject source, boolean hideJavac, Function<ExecutableElement, SourcePosition> at) {
        String found = "x";
        Compilation compilation = compile(source, hideJavac, method -> {
            SourcePosition position = at.apply(method);
            String described = position instanceof ElementPosition ? position.describe() : found;
            return Diagnostic.error(DiagnosticCode.SOFTMAX_NOT_OUTPUT, position, described);
        });
        assertThat(compilation).hadErrorCount(1);
        return compilation;
    }

    private static Compilation compile(
            JavaFileObject source, boolean hideJavac, Function<ExecutableElement, Diagnostic> diagnostic) {
        return javac().withProcessors(new ReportingProcessor(diagnostic, hideJavac))
                .compile(source);
    }

    /** The {@code n}-th (0-based) annotation of {@code type} on {@code method}, containers opened. */
    private static JavacLocation nth(ExecutableElement method, Class<?> type, int n) {
        List<AnnotationMirror> found = new ArrayList<>();
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            if (isOf(mirror, type)) {
                found.add(mirror);
            }
            for (AnnotationValue value : mirror.getElementValues().values()) {
                if (value.getValue() instanceof List<?> items) {
                    for (Object item : items) {
                        Object nested = ((AnnotationValue) item).getValue();
                        if (nested instanceof AnnotationMirror annotation && isOf(annotation, type)) {
                            found.add(annotation);
                        }
                    }
                }
            }
        }
        return JavacLocation.of(method, found.get(n), n);
    }

    private static boolean isOf(AnnotationMirror mirror, Class<?> type) {
        TypeElement element = (TypeElement) mirror.getAnnotationType().asElement();
        return element.getQualifiedName().contentEquals(type.getCanonicalName());
    }

    /** Prints, through a {@link JavacReporter}, the diagnostic the test makes for the method {@code predict}. */
    private static final class ReportingProcessor extends AbstractProcessor {
        private final Function<ExecutableElement, Diagnostic> diagnostic;
        private final boolean hideJavac;

        ReportingProcessor(Function<ExecutableElement, Diagnostic> diagnostic, boolean hideJavac) {
            this.diagnostic = diagnostic;
            this.hideJavac = hideJavac;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            ProcessingEnvironment environment = hideJavac ? WrappedEnvironments.wrap(processingEnv) : processingEnv;
            JavacReporter reporter = JavacReporter.create(environment);
            for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
                for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                    if (method.getSimpleName().contentEquals("predict")) {
                        reporter.print(diagnostic.apply(method));
                    }
                }
            }
            return false;
        }
    }
}
