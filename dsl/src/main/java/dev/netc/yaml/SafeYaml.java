package dev.netc.yaml;

import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.FilePosition;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes spec text into a SnakeYAML node tree, never into objects: no class is ever named, let alone loaded, and
 * every node keeps its position. Whatever goes wrong becomes exactly one diagnostic (a spec that is not well-formed
 * YAML has no further meaning to check); no exception escapes.
 */
final class SafeYaml {

    /** Deepest nesting accepted; a spec needs 4 (spec, layers, layer, inputs). */
    static final int MAX_DEPTH = 16;

    private SafeYaml() {}

    /**
     * The single document of {@code text} as a tree whose mappings have no repeated keys.
     *
     * @return the root, or empty when a problem was reported
     */
    static Optional<Node> compose(String text, Locator locator, Diagnostics diagnostics) {
        Optional<Node> root = composeSingle(text, locator, diagnostics);
        return root.filter(node -> DuplicateKeys.check(node, locator, diagnostics));
    }

    private static Optional<Node> composeSingle(String text, Locator locator, Diagnostics diagnostics) {
        try {
            LoaderOptions options = options();
            EventGuard guard = new EventGuard(new ParserImpl(new StreamReader(text), options), locator, MAX_DEPTH);
            Composer composer = new Composer(guard, new NoImplicitTypes(), options);
            if (!composer.checkNode()) {
                diagnostics.error(DiagnosticCode.SPEC_EMPTY, locator.start());
                return Optional.empty();
            }
            Node root = composer.getNode();
            if (composer.checkNode()) { // peeks at the second document's start without composing it
                diagnostics.error(
                        DiagnosticCode.MULTIPLE_DOCUMENTS,
                        locator.at(guard.peekEvent().getStartMark()));
                return Optional.empty();
            }
            if (isNothing(root)) {
                diagnostics.error(DiagnosticCode.SPEC_EMPTY, locator.start());
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (EventGuard.Rejected e) {
            diagnostics.add(e.diagnostic());
        } catch (MarkedYAMLException e) {
            diagnostics.error(DiagnosticCode.YAML_SYNTAX, markOf(e, locator), problemOf(e, locator));
        } catch (ReaderException e) {
            String problem = String.format(Locale.ROOT, "special character U+%04X is not allowed", e.getCodePoint());
            diagnostics.error(DiagnosticCode.YAML_SYNTAX, locator.atCodePoint(text, e.getPosition()), problem);
        } catch (YAMLException e) {
            diagnostics.error(DiagnosticCode.YAML_SYNTAX, locator.start(), String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            diagnostics.error(DiagnosticCode.INTERNAL_ERROR, locator.start(), locator.path(), e);
        }
        return Optional.empty();
    }

    /**
     * SnakeYAML's own limits, as a second line of defence: {@link EventGuard} rejects aliases, tags and deep nesting
     * and {@link SpecText} caps the size before SnakeYAML would count any of them.
     */
    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(SpecText.MAX_BYTES);
        options.setMergeOnCompose(false);
        options.setProcessComments(false);
        options.setTagInspector(tag -> false);
        return options;
    }

    /** An empty document ({@code ---} alone) composes to an empty plain scalar. */
    private static boolean isNothing(Node root) {
        return root instanceof ScalarNode scalar && Scalars.isNothing(scalar);
    }

    private static FilePosition markOf(MarkedYAMLException e, Locator locator) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? locator.start() : locator.at(mark);
    }

    /** SnakeYAML's short problem text, plus its context ("while scanning a quoted scalar") and where that began. */
    private static String problemOf(MarkedYAMLException e, Locator locator) {
        String problem = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getContext());
        if (e.getProblem() != null && e.getContext() != null) {
            problem += "; " + e.getContext();
            if (e.getContextMark() != null) {
                FilePosition context = locator.at(e.getContextMark());
                problem += " at " + context.line() + ":" + context.column();
            }
        }
        return problem;
    }

    /**
     * Resolves every scalar to a plain string. netc reads values by its own grammar ({@link Scalars}), so SnakeYAML's
     * YAML 1.1 guesses ({@code no} is false, {@code 1:30} is 90) are never consulted, nor are its regular expressions
     * run over long scalars.
     */
    private static final class NoImplicitTypes extends Resolver {
        @Override
        protected void addImplicitResolvers() {}
    }
}
