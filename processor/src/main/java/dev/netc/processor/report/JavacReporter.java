package dev.netc.processor.report;

import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.ElementPosition;
import dev.netc.spec.diag.Severity;
import dev.netc.spec.diag.SourcePosition;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * Prints netc diagnostics as javac diagnostics, each with its {@code [netc:tag]}.
 *
 * <ul>
 *   <li>A position in an annotated source goes on the offending annotation value, through {@code Trees} when javac's
 *       own environment is available, otherwise through {@code Messager} (whose caret lands on the method for a
 *       repeated annotation: still the right line of thought, one line off).
 *   <li>A position in a YAML file cannot be shown by javac, which only points into Java sources: the message starts
 *       with {@code path:line:column:} and has no element.
 *   <li>A diagnostic with no position is printed as is.
 * </ul>
 */
public final class JavacReporter {

    private final Messager messager;
    private final Optional<TreeLocator> trees;

    private JavacReporter(Messager messager, Optional<TreeLocator> trees) {
        this.messager = messager;
        this.trees = trees;
    }

    /** A reporter for {@code environment}, using {@code Trees} when the environment is javac's own. */
    public static JavacReporter create(ProcessingEnvironment environment) {
        Optional<TreeLocator> trees;
        try {
            trees = TreeLocator.create(environment);
        } catch (LinkageError noJdkCompilerModule) {
            trees = Optional.empty(); // a compiler without com.sun.source: Messager still works
        }
        return new JavacReporter(environment.getMessager(), trees);
    }

    /** Prints every diagnostic, in order. */
    public void printAll(Iterable<Diagnostic> diagnostics) {
        for (Diagnostic diagnostic : diagnostics) {
            print(diagnostic);
        }
    }

    /** Prints one diagnostic at its position. */
    public void print(Diagnostic diagnostic) {
        Kind kind = kindOf(diagnostic.severity());
        String message = diagnostic.messageWithTag();
        if (diagnostic.at() instanceof ElementPosition position && position.handle() instanceof JavacLocation at) {
            printAt(kind, message, at);
        } else if (diagnostic.at() instanceof SourcePosition.None) {
            messager.printMessage(kind, message);
        } else {
            messager.printMessage(kind, diagnostic.at().describe() + ": " + message);
        }
    }

    private void printAt(Kind kind, String message, JavacLocation location) {
        JavacLocation at = declared(location);
        if (trees.isPresent() && trees.get().print(kind, message, at)) {
            return;
        }
        Element element = at.element();
        if (at.annotation().isEmpty()) {
            messager.printMessage(kind, message, element);
            return;
        }
        AnnotationMirror annotation = at.annotation().get();
        Optional<AnnotationValue> value = at.value().flatMap(member -> writtenValue(annotation, member));
        if (value.isPresent()) {
            messager.printMessage(kind, message, element, annotation, value.get());
        } else {
            messager.printMessage(kind, message, element, annotation);
        }
    }

    /**
     * The location with a record component replaced by its field. javac has no tree for a record component (in JDK
     * 17 neither {@code Trees} nor {@code Messager} finds one); the field, declared by the same text in the record
     * header, has one.
     */
    private static JavacLocation declared(JavacLocation location) {
        Element element = location.element();
        if (element.getKind() != ElementKind.RECORD_COMPONENT) {
            return location;
        }
        for (VariableElement field :
                ElementFilter.fieldsIn(element.getEnclosingElement().getEnclosedElements())) {
            if (field.getSimpleName().equals(element.getSimpleName())) {
                return new JavacLocation(
                        field, location.annotation(), location.repeat(), location.value(), location.index());
            }
        }
        return location;
    }

    private static Optional<AnnotationValue> writtenValue(AnnotationMirror annotation, String member) {
        for (var entry : annotation.getElementValues().entrySet()) {
            ExecutableElement key = entry.getKey();
            if (key.getSimpleName().contentEquals(member)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private static Kind kindOf(Severity severity) {
        return switch (severity) {
            case ERROR -> Kind.ERROR;
            case WARNING -> Kind.WARNING;
            case NOTE -> Kind.NOTE;
        };
    }
}
