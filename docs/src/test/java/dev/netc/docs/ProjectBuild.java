package dev.netc.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A project of a page, written to a folder and built the way Maven builds it from its pom: the {@code exec-maven-plugin}
 * executions of {@code generate-sources} run with the pom's own executable and arguments, then javac compiles {@code
 * src/main/java} as the compiler plugin calls it (its {@code annotationProcessorPaths} as the processor path), then
 * {@code java} runs a main class. Each step is a child process in the project's folder, as under Maven, so relative
 * paths in a pom mean what they mean there. Dependencies and processor paths resolve to this JVM's class path (see
 * {@link Jdk#classPath()}); that the pom declares the right ones is {@code QuickstartPomTest}'s business.
 *
 * <p>The compilation adds {@link #STRICT} to what the pom asks for, so a page's code must also be warning-free.
 */
final class ProjectBuild {

    /** Every lint but {@code processing} (netc leaves its annotations unclaimed on purpose), warnings as errors. */
    static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Path directory;
    private final Pom pom;

    private ProjectBuild(Path directory, Pom pom) {
        this.directory = directory;
        this.pom = pom;
    }

    /**
     * Writes the {@code file} blocks of {@code project} (its {@code pom.xml} among them) into {@code directory}.
     *
     * @throws AssertionError if the page has no pom for the project
     */
    static ProjectBuild write(CheckedPage page, String project, Path directory) {
        Map<String, CheckedBlock> files = page.files(project);
        CheckedBlock pom = files.get("pom.xml");
        if (pom == null) {
            throw new AssertionError("no block marked <!-- check: file " + project + "/pom.xml -->; files of " + project
                    + ": " + files.keySet());
        }
        try {
            for (Map.Entry<String, CheckedBlock> file : files.entrySet()) {
                Path path = directory.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue().text(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write project " + project + " into " + directory, e);
        }
        return new ProjectBuild(directory, Pom.of(pom));
    }

    /** The project's folder. */
    Path directory() {
        return directory;
    }

    /** The project's pom. */
    Pom pom() {
        return pom;
    }

    /**
     * Runs the {@code exec} goals bound to {@code generate-sources}.
     *
     * @return how many ran
     */
    int generateSources() {
        int ran = 0;
        for (Pom.Execution execution : pom.execExecutions()) {
            if (!execution.phase().equals("generate-sources")
                    || !execution.goals().equals(List.of("exec"))) {
                throw new AssertionError(pom.where() + ": execution " + execution.id()
                        + ": expected the goal exec bound to generate-sources, found " + execution.goals() + " at '"
                        + execution.phase() + "'");
            }
            ChildProcess.run(directory, command(execution.configuration())).requireSuccess();
            ran++;
        }
        return ran;
    }

    /**
     * Compiles {@code src/main/java} into {@code target/classes}, as the compiler plugin does.
     *
     * @return the number of source files compiled, at least one
     */
    int compile() {
        List<String> sources = sources();
        if (sources.isEmpty()) {
            throw new AssertionError(pom.where() + ": the project has no Java source under src/main/java");
        }
        if (pom.plugin("maven-compiler-plugin")
                .flatMap(plugin -> Xml.text(plugin, "version"))
                .isEmpty()) {
            throw new AssertionError(pom.where() + ": expected maven-compiler-plugin with a <version>: the one Maven"
                    + " picks by default (3.1 in Maven 3.8) ignores maven.compiler.release");
        }
        Path classes = directory.resolve("target/classes");
        Path generated = directory.resolve("target/generated-sources/annotations");
        try {
            Files.createDirectories(classes);
            Files.createDirectories(generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Jdk.tool("javac").toString(),
                "-d",
                classes.toString(),
                "-classpath",
                classes + java.io.File.pathSeparator + Jdk.classPath(),
                "-s",
                generated.toString(),
                "--release",
                resolve(pom.property("maven.compiler.release")
                        .orElseThrow(() -> new AssertionError(pom.where() + ": no maven.compiler.release property"))),
                "-encoding",
                resolve(pom.property("project.build.sourceEncoding").orElse("UTF-8"))));
        if (pom.annotationProcessorPaths().isPresent()) {
            command.addAll(List.of("-processorpath", Jdk.classPath()));
        }
        pom.compilerArgs().stream().map(this::resolve).forEach(command::add);
        command.addAll(STRICT);
        command.addAll(sources);
        ChildProcess.run(directory, command).requireSuccess();
        return sources.size();
    }

    /** Runs {@code mainClass} with the project's classes and its dependencies, in the project's folder. */
    ChildProcess.Result run(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Jdk.tool("java").toString(),
                "-cp",
                directory.resolve("target/classes") + java.io.File.pathSeparator + Jdk.classPath(),
                mainClass));
        command.addAll(List.of(args));
        return ChildProcess.run(directory, command);
    }

    /** The executable and arguments of an exec execution; {@code <classpath/>} is the dependencies' class path. */
    private List<String> command(Element configuration) {
        List<String> command = new ArrayList<>();
        command.add(resolve(Xml.text(configuration, "executable")
                .orElseThrow(() -> new AssertionError(pom.where() + ": exec execution without <executable>"))));
        Element arguments = Xml.child(configuration, "arguments")
                .orElseThrow(() -> new AssertionError(pom.where() + ": exec execution without <arguments>"));
        NodeList nodes = arguments.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (!(node instanceof Element argument)) {
                continue;
            }
            switch (argument.getTagName()) {
                case "argument" -> command.add(resolve(argument.getTextContent()));
                case "classpath" -> command.add(Jdk.classPath());
                default -> throw new AssertionError(
                        pom.where() + ": unexpected <" + argument.getTagName() + "> in <arguments>");
            }
        }
        return command;
    }

    /** {@code text} with each {@code ${name}} replaced as Maven would for this project. */
    private String resolve(String text) {
        Matcher property = PROPERTY.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (property.find()) {
            property.appendReplacement(resolved, Matcher.quoteReplacement(value(property.group(1))));
        }
        property.appendTail(resolved);
        return resolved.toString();
    }

    private String value(String name) {
        return switch (name) {
            case "java.home" -> System.getProperty("java.home");
            case "project.basedir" -> directory.toString();
            case "project.build.directory" -> directory.resolve("target").toString();
            case "project.build.outputDirectory" -> directory
                    .resolve("target/classes")
                    .toString();
            default -> resolve(pom.property(name)
                    .orElseThrow(() -> new AssertionError(pom.where() + ": ${" + name + "} is not defined")));
        };
    }

    /** The Java sources under {@code src/main/java}, sorted. */
    private List<String> sources() {
        Path root = directory.resolve("src/main/java");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
