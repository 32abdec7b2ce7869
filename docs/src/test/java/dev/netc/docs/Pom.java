package dev.netc.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A pom a page shows, read as far as the quickstart's build needs: properties, dependencies, and the configuration of
 * the compiler plugin and of {@code exec-maven-plugin}.
 */
final class Pom {

    /**
     * A dependency or a processor path entry.
     *
     * @param scope empty when the pom gives none (Maven's {@code compile})
     */
    record Coordinates(String groupId, String artifactId, String version, String scope) {

        /** {@code groupId:artifactId:version[:scope]}. */
        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version + (scope.isEmpty() ? "" : ":" + scope);
        }
    }

    /**
     * One {@code exec-maven-plugin} execution.
     *
     * @param phase the phase it is bound to
     * @param goals its goals
     * @param configuration its {@code <configuration>}
     */
    record Execution(String id, String phase, List<String> goals, Element configuration) {}

    private final Element project;
    private final String where;

    private Pom(Element project, String where) {
        this.project = project;
        this.where = where;
    }

    /** The pom of a {@code file} block. */
    static Pom of(CheckedBlock block) {
        Element root = Xml.parse(block.text(), block.where());
        if (!root.getTagName().equals("project")) {
            throw new AssertionError(block.where() + ": expected a <project>, found <" + root.getTagName() + ">");
        }
        return new Pom(root, block.where());
    }

    /** Where the pom is, for messages. */
    String where() {
        return where;
    }

    /** The value of {@code <properties><name>}. */
    Optional<String> property(String name) {
        return Xml.text(project, "properties", name);
    }

    /** The {@code <dependencies>} element. */
    Element dependenciesElement() {
        return Xml.child(project, "dependencies")
                .orElseThrow(() -> new AssertionError(where + ": expected one <dependencies>"));
    }

    /** The dependencies, in order. */
    List<Coordinates> dependencies() {
        return coordinates(Xml.children(dependenciesElement(), "dependency"));
    }

    /** The build plugin with this artifact id. */
    Optional<Element> plugin(String artifactId) {
        return Xml.child(project, "build", "plugins").flatMap(plugins -> Xml.children(plugins, "plugin").stream()
                .filter(plugin -> Xml.text(plugin, "artifactId").orElse("").equals(artifactId))
                .findFirst());
    }

    /** The compiler plugin's {@code <annotationProcessorPaths>}, if it has one. */
    Optional<Element> annotationProcessorPaths() {
        return plugin("maven-compiler-plugin")
                .flatMap(plugin -> Xml.child(plugin, "configuration", "annotationProcessorPaths"));
    }

    /** The compiler plugin's {@code <compilerArgs>}, in order. */
    List<String> compilerArgs() {
        return plugin("maven-compiler-plugin")
                .flatMap(plugin -> Xml.child(plugin, "configuration", "compilerArgs"))
                .map(args -> Xml.children(args, "arg").stream()
                        .map(Element::getTextContent)
                        .toList())
                .orElse(List.of());
    }

    /** The executions of {@code exec-maven-plugin}, in order. */
    List<Execution> execExecutions() {
        List<Execution> executions = new ArrayList<>();
        plugin("exec-maven-plugin")
                .flatMap(plugin -> Xml.child(plugin, "executions"))
                .ifPresent(all -> {
                    for (Element execution : Xml.children(all, "execution")) {
                        executions.add(new Execution(
                                Xml.text(execution, "id").orElse("default"),
                                Xml.text(execution, "phase").orElse(""),
                                Xml.child(execution, "goals")
                                        .map(goals -> Xml.children(goals, "goal").stream()
                                                .map(Element::getTextContent)
                                                .toList())
                                        .orElse(List.of()),
                                Xml.child(execution, "configuration")
                                        .orElseThrow(() ->
                                                new AssertionError(where + ": execution without <configuration>"))));
                    }
                });
        return executions;
    }

    /** Each element's coordinates. */
    static List<Coordinates> coordinates(List<Element> elements) {
        return elements.stream()
                .map(element -> new Coordinates(
                        Xml.text(element, "groupId").orElse(""),
                        Xml.text(element, "artifactId").orElse(""),
                        Xml.text(element, "version").orElse(""),
                        Xml.text(element, "scope").orElse("")))
                .toList();
    }
}
