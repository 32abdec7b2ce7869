package dev.netc.processor.report;

import dev.netc.spec.diag.ElementPosition;
import java.lang.annotation.Repeatable;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.QualifiedNameable;

/**
 * Where in an annotated Java source a piece of a spec was written: an element, optionally one annotation on it, one
 * value of that annotation, and one element of that value when it is an array. This is the opaque handle inside an
 * {@link ElementPosition}; {@link JavacReporter} turns it back into a javac diagnostic position.
 *
 * <p>The annotation is identified twice, by its mirror (what {@code Messager} understands) and by {@code repeat}, its
 * 0-based rank among the annotations of its type on the element in source order. The rank is what finds a repeated
 * annotation's tree: javac wraps repeated annotations in a synthesized container whose mirrors have no tree of their
 * own.
 *
 * @param element the annotated element, or the element itself being blamed
 * @param annotation the annotation, if the position is on or inside one
 * @param repeat rank of the annotation among those of its type on {@code element}, 0-based; 0 when there is none
 * @param value the annotation member as named in Java ({@code units}, {@code useBias}), if the position is a value
 * @param index the array element within {@code value}, or {@link #NO_INDEX}
 */
public record JavacLocation(
        Element element, Optional<AnnotationMirror> annotation, int repeat, Optional<String> value, int index) {

    /** The {@link #index} of a location that is not an array element. */
    public static final int NO_INDEX = -1;

    public JavacLocation {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(annotation, "annotation");
        Objects.requireNonNull(value, "value");
        if (value.isPresent() && annotation.isEmpty()) {
            throw new IllegalArgumentException("a value needs an annotation");
        }
        if (index != NO_INDEX && (index < 0 || value.isEmpty())) {
            throw new IllegalArgumentException("index " + index + " needs a value and must not be negative");
        }
    }

    /** The element itself. */
    public static JavacLocation of(Element element) {
        return new JavacLocation(element, Optional.empty(), 0, Optional.empty(), NO_INDEX);
    }

    /** The {@code repeat}-th (0-based) annotation of {@code annotation}'s type on {@code element}. */
    public static JavacLocation of(Element element, AnnotationMirror annotation, int repeat) {
        return new JavacLocation(element, Optional.of(annotation), repeat, Optional.empty(), NO_INDEX);
    }

    /** The value called {@code member} of this location's annotation. */
    public JavacLocation value(String member) {
        return new JavacLocation(element, annotation, repeat, Optional.of(member), NO_INDEX);
    }

    /** Element {@code elementIndex} of this location's array value. */
    public JavacLocation index(int elementIndex) {
        return new JavacLocation(element, annotation, repeat, value, elementIndex);
    }

    /** This location as a spec position, described for messages printed outside javac. */
    public ElementPosition position() {
        return new ElementPosition(this, describe());
    }

    /**
     * A readable form such as {@code com.example.Iris.predict @Dense#2 inputs[1]}: the element's qualified name, the
     * annotation (with its 1-based rank when the type is repeatable), the member and the array index.
     */
    public String describe() {
        StringBuilder text = new StringBuilder(nameOf(element));
        annotation.ifPresent(mirror -> {
            Element type = mirror.getAnnotationType().asElement();
            text.append(" @").append(type.getSimpleName());
            if (type.getAnnotation(Repeatable.class) != null) {
                text.append('#').append(repeat + 1);
            }
        });
        value.ifPresent(member -> text.append(' ').append(member));
        if (index != NO_INDEX) {
            text.append('[').append(index).append(']');
        }
        return text.toString();
    }

    private static String nameOf(Element element) {
        if (element instanceof QualifiedNameable named) {
            return named.getQualifiedName().toString();
        }
        Element enclosing = element.getEnclosingElement();
        String name = element.getSimpleName().toString();
        if (enclosing == null) {
            return name;
        }
        if (enclosing.getKind() == ElementKind.METHOD || enclosing.getKind() == ElementKind.CONSTRUCTOR) {
            return nameOf(enclosing) + "(" + name + ")";
        }
        return nameOf(enclosing) + "." + name;
    }
}
