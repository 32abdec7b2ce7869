package dev.netc.processor;

import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generated classes' names claimed so far in this compilation, across rounds. Two specs that would generate one
 * class are an error at both (the Filer would otherwise throw on the second file); the first claimant keeps the name,
 * so a third claimant does not repeat the message at the first.
 */
final class ClassClaims {

    private record Claim(String origin, SourcePosition at) {}

    private final Map<String, Claim> claims = new HashMap<>();
    private final Set<String> reportedAtFirst = new HashSet<>();

    /**
     * Claims {@code className} for the spec read from {@code origin}.
     *
     * @param at where the name was given, for the message
     * @return the errors, one at each spec, when the name is already claimed; empty when the claim succeeds
     */
    List<Diagnostic> claim(String className, String origin, SourcePosition at) {
        Claim first = claims.putIfAbsent(className, new Claim(origin, at));
        if (first == null) {
            return List.of();
        }
        List<Diagnostic> errors = new ArrayList<>();
        if (reportedAtFirst.add(className)) {
            errors.add(Diagnostic.error(DiagnosticCode.DUPLICATE_CLASS, first.at(), className, first.origin(), origin));
        }
        errors.add(Diagnostic.error(DiagnosticCode.DUPLICATE_CLASS, at, className, first.origin(), origin));
        return errors;
    }
}
