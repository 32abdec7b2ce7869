package dev.netc.check;

import dev.netc.spec.InputSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.Positions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every name a spec gives: the generated class and its package, the layers, the input features and the output
 * classes. Names end up in generated Java code, messages and weight files, so they must be Java identifiers and
 * unique where they are looked up.
 */
final class NameRules {

    private NameRules() {}

    /**
     * Reports every naming problem.
     *
     * @return whether the layer names can be used to wire the graph: no two layers share a name and none is called
     *     {@link InputSpec#NAME}
     */
    static boolean check(NetworkSpec spec, Diagnostics diagnostics) {
        checkNetworkName(spec, diagnostics);
        checkPackage(spec, diagnostics);
        boolean wirable = checkLayerNames(spec.layers(), diagnostics);
        checkFeatures(spec.input(), diagnostics);
        checkClasses(spec, diagnostics);
        return wirable;
    }

    private static void checkNetworkName(NetworkSpec spec, Diagnostics diagnostics) {
        if (!JavaNames.isClassName(spec.name())) {
            diagnostics.error(
                    DiagnosticCode.INVALID_NETWORK_NAME, spec.positions().of(NetworkSpec.NAME), spec.name());
        }
    }

    private static void checkPackage(NetworkSpec spec, Diagnostics diagnostics) {
        if (!JavaNames.isPackageName(spec.packageName())) {
            diagnostics.error(
                    DiagnosticCode.INVALID_PACKAGE, spec.positions().of(NetworkSpec.PACKAGE), spec.packageName());
        }
    }

    private static boolean checkLayerNames(List<LayerSpec> layers, Diagnostics diagnostics) {
        boolean wirable = true;
        Map<String, LayerSpec> seen = new HashMap<>();
        for (LayerSpec layer : layers) {
            String name = layer.name();
            Positions at = layer.positions();
            if (JavaNames.characterProblem(name).isPresent()) {
                diagnostics.error(DiagnosticCode.INVALID_NAME, at.of(LayerSpec.NAME), name);
            } else if (name.equals(InputSpec.NAME)) {
                diagnostics.error(
                        DiagnosticCode.RESERVED_NAME, at.of(LayerSpec.NAME), name, "the name of the network's input");
                wirable = false;
            } else {
                JavaNames.reservedWord(name)
                        .ifPresent(why ->
                                diagnostics.error(DiagnosticCode.RESERVED_NAME, at.of(LayerSpec.NAME), name, why));
            }
            LayerSpec first = seen.putIfAbsent(name, layer);
            if (first != null) {
                diagnostics.error(
                        DiagnosticCode.DUPLICATE_NAME,
                        at.of(LayerSpec.NAME),
                        name,
                        first.positions().of(LayerSpec.NAME).describe());
                wirable = false;
            }
        }
        return wirable;
    }

    private static void checkFeatures(InputSpec input, Diagnostics diagnostics) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.features().size(); i++) {
            String feature = input.features().get(i);
            String key = InputSpec.FEATURES + "." + i;
            Optional<String> problem = JavaNames.characterProblem(feature)
                    .or(() -> JavaNames.reservedWord(feature).map(w -> "it is " + w));
            if (problem.isPresent()) {
                diagnostics.error(
                        DiagnosticCode.INVALID_FEATURE_NAME, input.positions().of(key), feature, problem.get());
            }
            if (!seen.add(feature)) {
                diagnostics.error(
                        DiagnosticCode.DUPLICATE_FEATURE, input.positions().of(key), feature);
            }
        }
    }

    private static void checkClasses(NetworkSpec spec, Diagnostics diagnostics) {
        List<String> classes = spec.classes();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            String name = classes.get(i);
            String key = NetworkSpec.CLASSES + "." + i;
            if (name.isBlank()) {
                diagnostics.error(DiagnosticCode.BLANK_CLASS, spec.positions().of(key), i + 1, classes.size());
                continue;
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                String firstAt =
                        spec.positions().of(NetworkSpec.CLASSES + "." + first).describe();
                diagnostics.error(
                        DiagnosticCode.DUPLICATE_CLASS_NAME, spec.positions().of(key), name, firstAt);
            }
        }
    }
}
