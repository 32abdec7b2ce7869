package dev.netc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.spec.CheckedNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step 3 of docs/quickstart.md: its {@code bin/netc} commands, run in order in a folder that stands in for the clone's
 * root (holding the repository's files the commands name, the spec of step 2 as {@code iris.yaml}, and the files the
 * page writes there), each in a child JVM running netc's command line, as {@code bin/netc} runs it once its jar is
 * built.
 */
class QuickstartCommandLineTest {

    private static final String PAGE = "docs/quickstart.md";
    private static final String SPEC = "iris-yaml/src/main/netc/iris.yaml";

    /**
     * A command the test can split at spaces exactly as a shell would: plain words only, no quotes, variables,
     * globs or redirections.
     */
    private static final Pattern COMMAND = Pattern.compile("bin/netc( [A-Za-z0-9_./=-]+)+");

    /** The held-out accuracy {@code netc train} must print (see QuickstartProjectsTest: the same training). */
    private static final double ACCURACY_FLOOR = 0.9;

    private final CheckedPage page = CheckedPage.read(PAGE);

    @TempDir
    Path clone;

    @Test
    void theSpecIsCleanForTheReaderAndValidator() {
        CheckedNetwork network = Specs.check(page.file(SPEC));

        assertEquals("com.example.iris.IrisNet", network.spec().qualifiedName());
        assertEquals(4, network.inputSize(), "the four measurement columns of iris.csv");
        assertEquals(
                List.of("setosa", "versicolor", "virginica"), network.spec().classes());
    }

    @Test
    void commandsRunInOrderAndPrintWhatThePageShows() throws IOException {
        Files.writeString(clone.resolve("iris.yaml"), page.file(SPEC).text(), StandardCharsets.UTF_8);
        for (Map.Entry<String, CheckedBlock> file : page.files("").entrySet()) {
            if (!file.getKey().contains("/")) {
                Files.writeString(clone.resolve(file.getKey()), file.getValue().text(), StandardCharsets.UTF_8);
            }
        }
        List<String> subcommands = new ArrayList<>();
        int outputs = 0;

        for (CheckedBlock block : page.ofKind("netc")) {
            List<String> args = arguments(block);
            copyRepositoryFiles(args);
            ChildProcess.Result result = netc(args);

            assertEquals(0, result.exitCode(), block.where() + ": " + result.describe());
            subcommands.add(args.get(0));
            if (page.outputOf(block).isPresent()) {
                CheckedBlock expected = page.outputOf(block).orElseThrow();
                ExpectedOutput.assertMatches(expected.text(), result.out(), expected.where());
                outputs++;
            }
            if (args.get(0).equals("train")) {
                double accuracy = QuickstartProjectsTest.figure(result.out(), "accuracy");
                assertTrue(accuracy >= ACCURACY_FLOOR, "held-out accuracy " + accuracy + "\n" + result.describe());
            }
        }

        assertEquals(List.of("check", "train", "evaluate", "predict"), subcommands, "the commands the page runs");
        assertEquals(subcommands.size(), outputs, "each command's output is shown and compared");
    }

    /** The command of a {@code netc} block, without {@code bin/netc}. */
    private static List<String> arguments(CheckedBlock block) {
        String command = block.text().strip();
        if (!COMMAND.matcher(command).matches()) {
            throw new AssertionError(
                    block.where() + ": expected one bin/netc command of plain words, found " + command);
        }
        List<String> words = Arrays.asList(command.split(" "));
        return words.subList(1, words.size());
    }

    /** Copies each argument that names a file of the repository (data/iris/iris.csv) to the same place in the clone. */
    private void copyRepositoryFiles(List<String> args) throws IOException {
        for (String arg : args) {
            Path file = Repository.file(arg).normalize();
            if (file.startsWith(Repository.root()) && Files.isRegularFile(file)) {
                Path copy = clone.resolve(arg);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** netc's command line in a child JVM, in the stand-in for the clone's root. */
    private ChildProcess.Result netc(List<String> args) {
        List<String> command =
                new ArrayList<>(List.of(Jdk.tool("java").toString(), "-cp", Jdk.classPath(), "dev.netc.cli.Main"));
        command.addAll(args);
        return ChildProcess.run(clone, command);
    }
}
