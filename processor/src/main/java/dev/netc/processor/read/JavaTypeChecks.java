package dev.netc.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Questions about the Java types of a network interface that the reader and the processor both ask. */
public final class JavaTypeChecks {

    /** The primitive types a record component may have to be an input feature. */
    private static final Set<TypeKind> NUMERIC =
            Set.of(TypeKind.FLOAT, TypeKind.DOUBLE, TypeKind.INT, TypeKind.LONG, TypeKind.SHORT, TypeKind.BYTE);

    private JavaTypeChecks() {}

    /**
     * The name of a type in the network method's signature that javac could not resolve (yet: another processor may
     * generate it in a later round), if there is one. Only interfaces are looked at; anything else is rejected by the
     * reader.
     */
    public static Optional<String> unresolvedType(TypeElement type, Elements elements) {
        if (type.getKind() != ElementKind.INTERFACE) {
            return Optional.empty();
        }
        for (ExecutableElement method : abstractMethods(type, elements)) {
            List<TypeMirror> types = new ArrayList<>();
            types.add(method.getReturnType());
            for (VariableElement parameter : method.getParameters()) {
                types.add(parameter.asType());
            }
            for (TypeMirror candidate : types) {
                TypeMirror base = candidate;
                while (base instanceof ArrayType array) {
                    base = array.getComponentType();
                }
                if (base.getKind() == TypeKind.ERROR) {
                    return Optional.of(base.toString());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The abstract methods the generated class must implement: declared or inherited, without
     * those that restate a public method of {@code Object} (such as {@code String toString();}), which every class
     * already implements.
     */
    static List<ExecutableElement> abstractMethods(TypeElement type, Elements elements) {
        TypeElement object = elements.getTypeElement(Object.class.getCanonicalName());
        List<ExecutableElement> objectMethods = ElementFilter.methodsIn(object.getEnclosedElements());
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (method.getModifiers().contains(Modifier.ABSTRACT)
                    && objectMethods.stream().noneMatch(o -> elements.overrides(method, o, type))) {
                methods.add(method);
            }
        }
        return methods;
    }

    /** Whether a record component of this type can be a feature: a numeric primitive. */
    static boolean isNumericPrimitive(TypeMirror type) {
        return NUMERIC.contains(type.getKind());
    }
}
