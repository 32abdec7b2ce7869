package dev.netc.processor.read;

import dev.netc.processor.report.JavacLocation;
import dev.netc.spec.diag.Positions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The values of one annotation, defaults included, read by member name with their Java types.
 *
 * <p>javac hands a processor an annotation even when a value in it is wrong ({@code units = "8"}, a constant that
 * does not exist, a required member left out) and reports that mistake itself. {@link #of} refuses such an
 * annotation, so the getters here never meet a value of the wrong type and the reader adds no second message.
 */
final class AnnotationValues {

    private final Map<String, Object> values;
    private final Set<String> written;

    private AnnotationValues(Map<String, Object> values, Set<String> written) {
        this.values = values;
        this.written = written;
    }

    /** The values of {@code annotation}, or empty when javac found one of them wrong (it reports that itself). */
    static Optional<AnnotationValues> of(Elements elements, AnnotationMirror annotation) {
        if (!isWellFormed(elements, annotation)) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        elements.getElementValuesWithDefaults(annotation)
                .forEach((member, value) -> values.put(member.getSimpleName().toString(), value.getValue()));
        Set<String> written = new LinkedHashSet<>();
        annotation
                .getElementValues()
                .keySet()
                .forEach(member -> written.add(member.getSimpleName().toString()));
        return Optional.of(new AnnotationValues(values, written));
    }

    /** Whether {@code member} was written in the source rather than defaulted. */
    boolean isWritten(String member) {
        return written.contains(member);
    }

    int getInt(String member) {
        return (Integer) values.get(member);
    }

    double getDouble(String member) {
        return (Double) values.get(member);
    }

    boolean getBoolean(String member) {
        return (Boolean) values.get(member);
    }

    String getString(String member) {
        return (String) values.get(member);
    }

    /** The simple name of the enum constant {@code member} holds, for example {@code RELU}. */
    String getEnumConstant(String member) {
        return ((VariableElement) values.get(member)).getSimpleName().toString();
    }

    /** The elements of a {@code String[]} member. */
    List<String> getStrings(String member) {
        List<String> strings = new ArrayList<>();
        for (Object item : (List<?>) values.get(member)) {
            strings.add((String) ((AnnotationValue) item).getValue());
        }
        return strings;
    }

    /** The annotations held by an annotation-array member, such as a container's {@code value}. */
    List<AnnotationMirror> getAnnotations(String member) {
        List<AnnotationMirror> annotations = new ArrayList<>();
        for (Object item : (List<?>) values.get(member)) {
            annotations.add((AnnotationMirror) ((AnnotationValue) item).getValue());
        }
        return annotations;
    }

    /**
     * Positions for the annotation at {@code at} and each value written in it, keyed by the member's YAML name
     * ({@code use_bias}), and each array element by {@code name.i}.
     */
    Positions positions(JavacLocation at) {
        Positions positions = Positions.of(at.position());
        for (String member : written) {
            String key = MemberNames.toYaml(member);
            JavacLocation valueAt = at.value(member);
            positions = positions.with(key, valueAt.position());
            if (values.get(member) instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    positions = positions.with(key + "." + i, valueAt.index(i).position());
                }
            }
        }
        return positions;
    }

    private static boolean isWellFormed(Elements elements, AnnotationMirror annotation) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                elements.getElementValuesWithDefaults(annotation);
        for (Element member : annotation.getAnnotationType().asElement().getEnclosedElements()) {
            if (member.getKind() != ElementKind.METHOD) {
                continue;
            }
            AnnotationValue value = values.get((ExecutableElement) member);
            if (value == null || !fits(elements, ((ExecutableElement) member).getReturnType(), value.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code value} has the Java type the member declares. javac represents a value it could not attribute
     * as the string {@code "<error>"}, which this tells apart from every non-string member.
     */
    private static boolean fits(Elements elements, TypeMirror type, Object value) {
        if (type.getKind().isPrimitive()) {
            return value instanceof Number || value instanceof Boolean || value instanceof Character;
        }
        if (type instanceof ArrayType array) {
            if (!(value instanceof List<?> items)) {
                return false;
            }
            for (Object item : items) {
                if (!(item instanceof AnnotationValue element)
                        || !fits(elements, array.getComponentType(), element.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (type instanceof DeclaredType declared) {
            ElementKind kind = declared.asElement().getKind();
            if (kind == ElementKind.ENUM) {
                return value instanceof VariableElement;
            }
            if (kind == ElementKind.ANNOTATION_TYPE) {
                return value instanceof AnnotationMirror nested && isWellFormed(elements, nested);
            }
            return !(value instanceof AnnotationMirror) && !(value instanceof VariableElement);
        }
        return true;
    }
}
