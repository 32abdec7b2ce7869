package dev.netc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The quickstart's poms say what docs/maven.md says, element for element (notes and layout aside): the same
 * dependencies, the same processor path, the same exec execution and compiler plugin; and they ask for the version
 * this build makes.
 * QuickstartProjectsTest builds the projects from these poms; this test keeps the two pages from drifting apart.
 */
class QuickstartPomTest {

    private static final String PAGE = "docs/quickstart.md";
    private static final String MAVEN_MD = "docs/maven.md";

    private final CheckedPage page = CheckedPage.read(PAGE);

    @Test
    void annotatedProjectHasTheDependenciesAndProcessorPathOfMavenMd() throws IOException {
        Pom pom = Pom.of(page.file("iris-annotated/pom.xml"));
        Element snippet = mavenMdSnippet("## Annotated interfaces");
        Element plugin = plugin(snippet, "maven-compiler-plugin");

        assertSame(Xml.child(snippet, "dependencies").orElseThrow(), pom.dependenciesElement(), pom);
        assertSame(
                Xml.child(plugin, "configuration", "annotationProcessorPaths").orElseThrow(),
                pom.annotationProcessorPaths()
                        .orElseThrow(() -> new AssertionError(pom.where() + ": no processor path")),
                pom);
        assertEquals(
                List.of("dev.netc:netc-runtime:${netc.version}"),
                pom.dependencies().stream().map(Pom.Coordinates::toString).toList());
    }

    @Test
    void yamlProjectHasTheDependenciesAndExecExecutionOfMavenMd() throws IOException {
        Pom pom = Pom.of(page.file("iris-yaml/pom.xml"));
        Element snippet = mavenMdSnippet("## A module of YAML specs");

        assertSame(Xml.child(snippet, "dependencies").orElseThrow(), pom.dependenciesElement(), pom);
        assertSame(
                plugin(snippet, "exec-maven-plugin"),
                pom.plugin("exec-maven-plugin")
                        .orElseThrow(() -> new AssertionError(pom.where() + ": no exec-maven-plugin")),
                pom);
        assertEquals(
                List.of("dev.netc:netc-runtime:${netc.version}", "dev.netc:netc-processor:${netc.version}:provided"),
                pom.dependencies().stream().map(Pom.Coordinates::toString).toList());
    }

    /**
     * Both poms ask for the netc this build makes, for Java 17, and for maven.md's compiler plugin by version: Maven
     * 3.8's default compiler plugin (3.1) ignores {@code maven.compiler.release} and compiles for Java 5, which JDK
     * 17 refuses, so a pom that leaves the version to Maven fails on the module's own Java.
     */
    @Test
    void bothPomsAskForThisBuildsVersionJava17AndMavenMdsCompilerPlugin() throws IOException {
        Element plugin = plugin(mavenMdSnippet("## Annotated interfaces"), "maven-compiler-plugin");
        List<String> poms = List.of("iris-annotated/pom.xml", "iris-yaml/pom.xml");

        for (String name : poms) {
            Pom pom = Pom.of(page.file(name));
            assertEquals(Repository.version(), pom.property("netc.version").orElse("(none)"), pom.where());
            assertEquals("17", pom.property("maven.compiler.release").orElse("(none)"), pom.where());
            assertEquals(
                    Xml.text(plugin, "version"),
                    pom.plugin("maven-compiler-plugin").flatMap(p -> Xml.text(p, "version")),
                    pom.where() + ": the compiler plugin's version");
        }
        assertEquals(2, poms.size());
    }

    /** The first XML block of maven.md's section {@code heading}: a pom's {@code <dependencies>} and {@code <build>}. */
    private static Element mavenMdSnippet(String heading) throws IOException {
        String markdown = Files.readString(Repository.file(MAVEN_MD), StandardCharsets.UTF_8);
        String xml = Markdown.firstBlock(markdown, heading, "xml")
                .orElseThrow(() -> new AssertionError(MAVEN_MD + ": no xml block in the section " + heading));
        return Xml.fragment(xml, MAVEN_MD + " " + heading);
    }

    private static Element plugin(Element snippet, String artifactId) {
        return Xml.child(snippet, "build", "plugins").stream()
                .flatMap(plugins -> Xml.children(plugins, "plugin").stream())
                .filter(plugin -> Xml.text(plugin, "artifactId").orElse("").equals(artifactId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(MAVEN_MD + ": the snippet has no " + artifactId));
    }

    private static void assertSame(Element mavenMd, Element quickstart, Pom pom) {
        assertTrue(
                Xml.sameContent(mavenMd, quickstart),
                () -> pom.where() + ": <" + quickstart.getTagName() + "> differs from " + MAVEN_MD + "'s.\n--- "
                        + MAVEN_MD + ":\n" + Xml.show(mavenMd) + "--- quickstart:\n" + Xml.show(quickstart));
    }
}
