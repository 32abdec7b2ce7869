package dev.netc.processor.read;

import dev.netc.Optimizer;
import dev.netc.Optimizer.Kind;
import dev.netc.processor.report.JavacLocation;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads {@link Optimizer} into an {@link OptimizerSpec}: the kind's {@code torch.optim} defaults, with each option
 * that is written and not {@code NaN} (the annotation's "not given") put in its place.
 */
final class OptimizerReader {

    private static final String KIND = "value";

    private OptimizerReader() {}

    /**
     * The optimizer the annotation at {@code at} states. An option its kind does not use is reported at its value and
     * left out, so the rest of the spec is still checked.
     */
    static OptimizerSpec read(AnnotationValues values, JavacLocation at, Diagnostics diagnostics) {
        Kind kind = Kind.valueOf(values.getEnumConstant(KIND));
        List<String> options = OptimizerSpec.options(kind);
        OptimizerSpec spec = OptimizerSpec.defaults(kind);
        for (Element member :
                at.annotation().orElseThrow().getAnnotationType().asElement().getEnclosedElements()) {
            String name = member.getSimpleName().toString();
            if (!(member instanceof ExecutableElement) || name.equals(KIND) || !values.isWritten(name)) {
                continue;
            }
            double value = values.getDouble(name);
            if (Double.isNaN(value)) {
                continue;
            }
            String option = MemberNames.toYaml(name);
            if (options.contains(option)) {
                spec = spec.with(option, value);
            } else {
                diagnostics.error(
                        DiagnosticCode.OPTIMIZER_OPTION,
                        at.value(name).position(),
                        kind.yamlName(),
                        name,
                        options.stream().map(MemberNames::toJava).collect(Collectors.joining(", ")));
            }
        }
        return spec.withPositions(values.positions(at));
    }
}
