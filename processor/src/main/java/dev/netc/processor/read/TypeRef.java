package dev.netc.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * A declared Java type by name, split into its package and its simple names (outermost first), so that code
 * generation never has to guess where the package ends: {@code com.Example.inner} is ambiguous as a string.
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleNames the type's simple name and those of the types enclosing it, outermost first
 */
public record TypeRef(String packageName, List<String> simpleNames) {

    public TypeRef {
        Objects.requireNonNull(packageName, "packageName");
        simpleNames = List.copyOf(simpleNames);
        if (simpleNames.isEmpty()) {
            throw new IllegalArgumentException("a type needs a simple name");
        }
    }

    /** A type in {@code packageName}, nested in the types named before its own simple name. */
    public static TypeRef of(String packageName, String... simpleNames) {
        return new TypeRef(packageName, List.of(simpleNames));
    }

    /** The name of {@code type} as javac sees it. */
    static TypeRef of(TypeElement type) {
        List<String> names = new ArrayList<>();
        Element element = type;
        while (element.getKind() != ElementKind.PACKAGE) {
            names.add(0, element.getSimpleName().toString());
            element = element.getEnclosingElement();
        }
        return new TypeRef(((PackageElement) element).getQualifiedName().toString(), names);
    }

    /** The innermost simple name, e.g. {@code Species}. */
    public String simpleName() {
        return simpleNames.get(simpleNames.size() - 1);
    }

    /** The canonical name, e.g. {@code com.example.Iris.Species}. */
    public String canonicalName() {
        String nested = String.join(".", simpleNames);
        return packageName.isEmpty() ? nested : packageName + "." + nested;
    }

    @Override
    public String toString() {
        return canonicalName();
    }
}
