package dev.netc.processor.read;

import dev.netc.Activation;
import dev.netc.Add;
import dev.netc.Concat;
import dev.netc.Dense;
import dev.netc.Init;
import dev.netc.processor.report.JavacLocation;
import dev.netc.spec.AddSpec;
import dev.netc.spec.ConcatSpec;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.Positions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads the layer annotations on a network's method: {@link Dense}, {@link Concat} and {@link Add}, each written once
 * or repeated (javac then wraps them in their {@code List} container, which a user may also write explicitly).
 *
 * <p>Layers come out grouped by kind, dense first, each kind in the order written: javac keeps the order within a
 * kind but not across kinds (a container stands where the first annotation of its kind was). The order across kinds
 * does not matter: the sequential form has dense layers only, and the graph form is ordered by its wiring. An unnamed
 * layer is named by its kind and its 1-based rank within the kind ({@code dense2}), named ones included in the count.
 */
final class LayerReader {

    /** The annotation types of one kind of layer. */
    private enum Kind {
        DENSE(Dense.class, Dense.List.class),
        CONCAT(Concat.class, Concat.List.class),
        ADD(Add.class, Add.List.class);

        private final String single;
        private final String container;

        Kind(Class<?> single, Class<?> container) {
            this.single = single.getCanonicalName();
            this.container = container.getCanonicalName();
        }

        /** The kind as spelt in specs and default names: {@code dense}. */
        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Elements elements;

    LayerReader(Elements elements) {
        this.elements = elements;
    }

    /**
     * The layers on {@code method}.
     *
     * @return the layers, or empty when there is no {@code @Dense} (reported) or javac found a value wrong (it
     *     reports that itself)
     */
    Optional<List<LayerSpec>> read(ExecutableElement method, Diagnostics diagnostics) {
        Optional<Map<Kind, List<AnnotationMirror>>> byKind = annotationsByKind(method);
        if (byKind.isEmpty()) {
            return Optional.empty();
        }
        if (byKind.get().get(Kind.DENSE).isEmpty()) {
            diagnostics.error(
                    DiagnosticCode.NO_LAYER_ANNOTATIONS,
                    JavacLocation.of(method).position(),
                    method.getSimpleName());
            return Optional.empty();
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<AnnotationMirror> annotations = byKind.get().get(kind);
            for (int repeat = 0; repeat < annotations.size(); repeat++) {
                AnnotationMirror annotation = annotations.get(repeat);
                Optional<AnnotationValues> values = AnnotationValues.of(elements, annotation);
                if (values.isEmpty()) {
                    return Optional.empty();
                }
                JavacLocation at = JavacLocation.of(method, annotation, repeat);
                layers.add(layer(kind, repeat, values.get(), values.get().positions(at)));
            }
        }
        return Optional.of(layers);
    }

    private static LayerSpec layer(Kind kind, int repeat, AnnotationValues values, Positions positions) {
        String name = values.getString("name");
        if (name.isEmpty()) {
            name = kind.word() + (repeat + 1);
        }
        List<String> inputs = values.getStrings("inputs");
        return switch (kind) {
            case DENSE -> new DenseSpec(
                    name,
                    inputs,
                    values.getInt("units"),
                    Activation.valueOf(values.getEnumConstant("activation")),
                    Init.valueOf(values.getEnumConstant("init")),
                    values.getBoolean("useBias"),
                    values.getDouble("l2"),
                    values.getDouble("dropout"),
                    positions);
            case CONCAT -> new ConcatSpec(name, inputs, positions);
            case ADD -> new AddSpec(name, inputs, positions);
        };
    }

    /**
     * The layer annotations on {@code method} by kind, each kind in source order, with containers opened; empty when
     * javac found a container's value wrong.
     */
    private Optional<Map<Kind, List<AnnotationMirror>>> annotationsByKind(ExecutableElement method) {
        Map<Kind, List<AnnotationMirror>> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
            String type = ((TypeElement) annotation.getAnnotationType().asElement())
                    .getQualifiedName()
                    .toString();
            for (Kind kind : Kind.values()) {
                if (type.equals(kind.single)) {
                    byKind.get(kind).add(annotation);
                } else if (type.equals(kind.container)) {
                    Optional<AnnotationValues> container = AnnotationValues.of(elements, annotation);
                    if (container.isEmpty()) {
                        return Optional.empty();
                    }
                    byKind.get(kind).addAll(container.get().getAnnotations("value"));
                }
            }
        }
        return Optional.of(byKind);
    }
}
