package dev.netc.processor.read;

import dev.netc.processor.read.JavaSignature.Output;
import dev.netc.processor.report.JavacLocation;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads what the network's method returns: {@code float[]}, {@code float}, {@code int}, {@code boolean}, or an enum
 * whose constants, in declaration order, name the output classes.
 */
final class OutputReader {

    /**
     * What the return type gives.
     *
     * @param kind the kind of return type
     * @param enumName the enum, for {@link Output#ENUM}
     * @param classes the enum's constants, or empty
     */
    record Result(Output kind, Optional<TypeRef> enumName, List<String> classes) {}

    private OutputReader() {}

    /** The output of {@code method}, or empty when its return type cannot be one (reported). */
    static Optional<Result> read(ExecutableElement method, Diagnostics diagnostics) {
        TypeMirror type = method.getReturnType();
        Optional<Output> plain =
                switch (type.getKind()) {
                    case FLOAT -> Optional.of(Output.FLOAT);
                    case INT -> Optional.of(Output.INT);
                    case BOOLEAN -> Optional.of(Output.BOOLEAN);
                    case ARRAY -> ((ArrayType) type).getComponentType().getKind() == TypeKind.FLOAT
                            ? Optional.of(Output.FLOAT_ARRAY)
                            : Optional.empty();
                    default -> Optional.empty();
                };
        if (plain.isPresent()) {
            return Optional.of(new Result(plain.get(), Optional.empty(), List.of()));
        }
        if (type instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.ENUM) {
            TypeElement enumType = (TypeElement) declared.asElement();
            List<String> constants = new ArrayList<>();
            for (Element member : enumType.getEnclosedElements()) {
                if (member.getKind() == ElementKind.ENUM_CONSTANT) {
                    constants.add(member.getSimpleName().toString());
                }
            }
            TypeRef name = TypeRef.of(enumType);
            if (constants.isEmpty()) {
                diagnostics.error(
                        DiagnosticCode.UNSUPPORTED_OUTPUT,
                        JavacLocation.of(method).position(),
                        "enum " + name + ", which has no constants");
                return Optional.empty();
            }
            return Optional.of(new Result(Output.ENUM, Optional.of(name), constants));
        }
        diagnostics.error(
                DiagnosticCode.UNSUPPORTED_OUTPUT, JavacLocation.of(method).position(), type.toString());
        return Optional.empty();
    }
}
