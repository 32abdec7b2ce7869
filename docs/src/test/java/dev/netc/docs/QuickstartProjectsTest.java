package dev.netc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.io.WeightFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two Maven projects of docs/quickstart.md, written from the page's blocks into folders, built as their poms say,
 * and run with the command the page gives, on the Iris data the repository ships: each prints what the page shows,
 * learns (a floor on held-out accuracy), and both train the same weights.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickstartProjectsTest {

    private static final String PAGE = "docs/quickstart.md";

    /**
     * Held-out accuracy the quickstart's training must reach on its one stratified 30% split (45 flowers). The
     * write-up's network reached 96.9% on average over five splits; a single split scatters more, and 0.9 (41 of 45)
     * is well below what a network that learned scores and far above chance (1/3).
     */
    private static final double ACCURACY_FLOOR = 0.9;

    /** The one command a project's run block may hold; Maven's exec:java runs the main class in the project. */
    private static final Pattern RUN = Pattern.compile("mvn -q compile exec:java -Dexec\\.mainClass=([\\w.]+)");

    private final CheckedPage page = CheckedPage.read(PAGE);
    private final Map<String, Run> runs = new HashMap<>();

    /** One folder for the class: the projects are built once and shared by its tests. */
    @TempDir
    static Path work;

    /** A project built and run once for all the tests of this class. */
    private record Run(
            ProjectBuild build, CheckedBlock command, ChildProcess.Result result, int generated, int compiled) {}

    @Test
    void annotatedInterfaceProjectTrainsAndPrintsWhatThePageShows() {
        Run run = run("iris-annotated");

        assertEquals(0, run.generated(), "an annotated project runs no exec execution");
        assertEquals(4, run.compiled(), "Java sources of the page compiled: Flower, Species, Iris, TrainIris");
        assertTrue(
                Files.isRegularFile(run.build()
                        .directory()
                        .resolve("target/generated-sources/annotations/com/example/iris/IrisNet.java")),
                "the processor wrote IrisNet where the page says");
        assertPrintsWhatThePageShows(run);
    }

    @Test
    void yamlProjectTrainsAndPrintsWhatThePageShows() {
        Run run = run("iris-yaml");

        assertEquals(1, run.generated(), "the exec execution that compiles the specs ran");
        assertEquals(1, run.compiled(), "Java sources of the page compiled: TrainIris");
        assertTrue(
                Files.isRegularFile(
                        run.build().directory().resolve("target/generated-sources/netc/com/example/iris/IrisNet.java")),
                "the spec's class was generated");
        assertPrintsWhatThePageShows(run);
    }

    @Test
    void bothFrontEndsTrainTheSameWeights() throws IOException {
        float[] annotated = WeightFile.read(weights(run("iris-annotated"))).parameters();
        float[] yaml = WeightFile.read(weights(run("iris-yaml"))).parameters();

        assertEquals(4 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3, annotated.length, "IrisNet's parameter count");
        for (int i = 0; i < annotated.length; i++) {
            assertEquals(
                    Float.floatToRawIntBits(annotated[i]),
                    Float.floatToRawIntBits(yaml[i]),
                    "parameter " + i + " is bit for bit the same, as the page says");
        }
    }

    /** The project's output matches the page's block after its run command, and the held-out accuracy is high. */
    private void assertPrintsWhatThePageShows(Run run) {
        CheckedBlock expected = page.outputOf(run.command())
                .orElseThrow(() -> new AssertionError(run.command().where() + ": no output block after the command"));

        int compared =
                ExpectedOutput.assertMatches(expected.text(), run.result().out(), expected.where());

        assertEquals(3, compared, "lines compared: loss, accuracy, the predicted species");
        double accuracy = figure(run.result().out(), "accuracy");
        assertTrue(
                accuracy >= ACCURACY_FLOOR,
                "held-out accuracy " + accuracy + "\n" + run.result().describe());
        assertTrue(Files.isRegularFile(weights(run)), "the weights were saved");
    }

    /** Builds and runs {@code project} the first time a test asks for it. */
    private Run run(String project) {
        return runs.computeIfAbsent(project, name -> {
            ProjectBuild build = ProjectBuild.write(page, name, work.resolve(name));
            try {
                Files.copy(
                        Repository.file("data/iris/iris.csv"),
                        build.directory().resolve("iris.csv"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new AssertionError("cannot copy the Iris data into " + build.directory(), e);
            }
            int generated = build.generateSources();
            int compiled = build.compile();
            CheckedBlock command = runBlock(name);
            Matcher main = RUN.matcher(command.text().strip());
            if (!main.matches()) {
                throw new AssertionError(
                        command.where() + ": expected the command '" + RUN.pattern() + "', found " + command.text());
            }
            ChildProcess.Result result = build.run(main.group(1)).requireSuccess();
            return new Run(build, command, result, generated, compiled);
        });
    }

    private CheckedBlock runBlock(String project) {
        List<CheckedBlock> blocks = page.ofKind("run").stream()
                .filter(block -> block.name().equals(project))
                .toList();
        if (blocks.size() != 1) {
            throw new AssertionError(
                    PAGE + ": expected one <!-- check: run " + project + " --> block, found " + blocks.size());
        }
        return blocks.get(0);
    }

    /** The weight file the project's program writes by default, in its folder. */
    private static Path weights(Run run) {
        return run.build().directory().resolve("iris.netc");
    }

    /** The value of a {@code name: value} line that Evaluation.format() printed. */
    static double figure(String output, String name) {
        return output.lines()
                .filter(line -> line.startsWith(name + ": "))
                .map(line ->
                        Double.parseDouble(line.substring(name.length() + 2).strip()))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no '" + name + ":' line in\n" + output));
    }
}
