package dev.netc.yaml;

import dev.netc.spec.diag.Diagnostic;
import dev.netc.spec.diag.DiagnosticCode;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Sits between SnakeYAML's parser and its composer and stops, before any node is built, what a spec never needs:
 *
 * <ul>
 *   <li>tags ({@code !!str}, {@code !foo}, {@code !!javax.script.ScriptEngineManager}): netc reads every scalar by its
 *       own grammar, so a tag could only smuggle in a type;
 *   <li>anchors and aliases: they only repeat text, and expanding them is how "billion laughs" documents exhaust
 *       memory;
 *   <li>nesting deeper than a spec ever goes: the composer recurses once per level, so {@code [[[[...]]]]} would
 *       otherwise end in a {@link StackOverflowError}.
 * </ul>
 *
 * <p>Each event is inspected once, when it first becomes visible, so the composer never sees a rejected one.
 */
final class EventGuard implements Parser {

    /** The prefix SnakeYAML resolves the {@code !!} handle to. */
    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";

    private final Parser parser;
    private final Locator locator;
    private final int maxDepth;
    private Event inspected;
    private int depth;

    EventGuard(Parser parser, Locator locator, int maxDepth) {
        this.parser = parser;
        this.locator = locator;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        Event next = peekEvent();
        return next != null && next.is(choice);
    }

    @Override
    public Event peekEvent() {
        Event next = parser.peekEvent();
        if (next != null && next != inspected) {
            inspect(next);
            inspected = next;
        }
        return next;
    }

    @Override
    public Event getEvent() {
        peekEvent();
        return parser.getEvent();
    }

    private void inspect(Event event) {
        String tag = null;
        if (event instanceof ScalarEvent scalar) {
            tag = scalar.getTag();
        } else if (event instanceof CollectionStartEvent collection) {
            tag = collection.getTag();
        }
        if (tag != null) {
            throw reject(DiagnosticCode.TAG_NOT_ALLOWED, event, shown(tag));
        }
        if (event instanceof AliasEvent alias) {
            throw reject(DiagnosticCode.ALIAS_NOT_ALLOWED, event, Scalars.shown("*" + alias.getAnchor()));
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
            throw reject(DiagnosticCode.ALIAS_NOT_ALLOWED, event, Scalars.shown("&" + node.getAnchor()));
        }
        if (event instanceof CollectionStartEvent && ++depth > maxDepth) {
            throw reject(DiagnosticCode.TOO_DEEP, event, maxDepth);
        }
        if (event instanceof CollectionEndEvent) {
            depth--;
        }
    }

    /** The tag as the user wrote it: {@code !!str} rather than SnakeYAML's resolved {@code tag:yaml.org,2002:str}. */
    private static String shown(String tag) {
        String written = tag.startsWith(STANDARD_TAG_PREFIX) ? "!!" + tag.substring(STANDARD_TAG_PREFIX.length()) : tag;
        return Scalars.shown(written);
    }

    private Rejected reject(DiagnosticCode code, Event event, Object argument) {
        return new Rejected(Diagnostic.error(code, locator.at(event.getStartMark()), argument));
    }

    /** Carries a rejection out through the composer to {@link SafeYaml}, which reports it. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Diagnostic diagnostic;

        Rejected(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }

        Diagnostic diagnostic() {
            return diagnostic;
        }
    }
}
