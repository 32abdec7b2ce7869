package dev.netc.processor.read;

import dev.netc.processor.report.JavacLocation;
import dev.netc.spec.InputSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.Positions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads the network's input from the method's one parameter: a record whose numeric components are the features, or
 * a {@code float[]} whose size {@code @Network(inputSize)} gives.
 */
final class InputReader {

    /** What the parameter gives: the input spec and the Java side of it. */
    record Input(InputSpec spec, String parameterName, Optional<TypeRef> recordName, List<String> componentTypes) {}

    private InputReader() {}

    /**
     * Reads the input of {@code method}.
     *
     * @param inputSize {@code @Network(inputSize)}, 0 when not given
     * @param inputSizeAt where {@code inputSize} was written, or the {@code @Network} annotation when it was not
     * @return the input, or empty when the parameter cannot be an input (reported)
     */
    static Optional<Input> read(
            ExecutableElement method, int inputSize, JavacLocation inputSizeAt, Diagnostics diagnostics) {
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.size() != 1) {
            String found = parameters.isEmpty() ? "no parameter" : parameters.size() + " parameters";
            diagnostics.error(
                    DiagnosticCode.UNSUPPORTED_INPUT, JavacLocation.of(method).position(), found);
            return Optional.empty();
        }
        VariableElement parameter = parameters.get(0);
        TypeMirror type = parameter.asType();
        String name = parameter.getSimpleName().toString();
        Positions positions = Positions.of(JavacLocation.of(parameter).position());
        if (inputSize != 0) {
            positions = positions.with(InputSpec.SIZE, inputSizeAt.position());
        }
        if (isFloatArray(type)) {
            if (inputSize == 0) {
                String found = inputSizeAt.value().isPresent() ? "inputSize = 0" : "no inputSize";
                diagnostics.error(DiagnosticCode.INPUT_SIZE_NEEDED, inputSizeAt.position(), found);
                return Optional.empty();
            }
            return Optional.of(
                    new Input(new InputSpec(inputSize, List.of(), positions), name, Optional.empty(), List.of()));
        }
        if (type instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.RECORD) {
            return Optional.of(readRecord((TypeElement) declared.asElement(), inputSize, positions, name, diagnostics));
        }
        diagnostics.error(
                DiagnosticCode.UNSUPPORTED_INPUT, JavacLocation.of(parameter).position(), type.toString());
        return Optional.empty();
    }

    /**
     * The record's components are the features, in order. A non-numeric component is reported and still named, so
     * the rest of the spec is checked too. An explicit {@code inputSize} is kept as the size, and the validator
     * reports it if it differs from the number of components.
     */
    private static Input readRecord(
            TypeElement record, int inputSize, Positions positions, String parameterName, Diagnostics diagnostics) {
        List<String> features = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            String feature = component.getSimpleName().toString();
            TypeMirror type = component.asType();
            if (!JavaTypeChecks.isNumericPrimitive(type)) {
                diagnostics.error(
                        DiagnosticCode.NON_NUMERIC_COMPONENT,
                        JavacLocation.of(component).position(),
                        feature,
                        record.getSimpleName(),
                        type);
            }
            positions = positions.with(
                    InputSpec.FEATURES + "." + features.size(),
                    JavacLocation.of(component).position());
            features.add(feature);
            types.add(type.toString());
        }
        int size = inputSize != 0 ? inputSize : features.size();
        InputSpec spec = new InputSpec(size, features, positions);
        return new Input(spec, parameterName, Optional.of(TypeRef.of(record)), types);
    }

    private static boolean isFloatArray(TypeMirror type) {
        return type instanceof ArrayType array && array.getComponentType().getKind() == TypeKind.FLOAT;
    }
}
