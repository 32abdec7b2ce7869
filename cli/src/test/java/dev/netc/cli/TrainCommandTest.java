package dev.netc.cli;

import static dev.netc.cli.NetcRun.netc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netc train} and {@code netc evaluate} end to end, on the Iris and MNIST data the repository ships. */
class TrainCommandTest {

    private static final String IRIS_SPEC = "src/test/resources/specs/iris.yaml";
    private static final String IRIS_DATA = "../data/iris/iris.csv";
    private static final String DIGITS = "../data/mnist-10k/";

    /** Iris with class indices (sparse cross-entropy) and no {@code classes:}: the data names the classes. */
    private static final String IRIS_WITHOUT_CLASSES =
            """
            network: IrisNet
            package: com.example.iris
            input: 4
            layers:
              - {dense: 8, activation: tanh}
              - {dense: 8, activation: relu}
              - {dense: 3, activation: softmax}
            loss: sparse_categorical_crossentropy
            optimizer: {sgd: {learning_rate: 0.01}}
            """;

    @TempDir
    Path dir;

    @Test
    void irisReachesTheIssuesFloorOnAHeldOutThirdAndEvaluateAgrees() {
        String weights = dir.resolve("iris.netc").toString();

        NetcRun run = trainIris(IRIS_SPEC, IRIS_DATA, weights, "--test-split", "0.3");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("test (45 samples):"), run.describe());
        double accuracy = figure(run.outLines(), "accuracy");
        assertTrue(accuracy >= 0.93, "held-out accuracy " + accuracy + "\n" + run.describe());
        assertTrue(Files.isRegularFile(Path.of(weights)));

        NetcRun evaluate = netc("evaluate", IRIS_SPEC, "--weights", weights, "--data", IRIS_DATA);

        assertEquals(0, evaluate.exitCode(), evaluate.describe());
        assertEquals(
                List.of("loss", "accuracy"),
                evaluate.outLines().stream()
                        .map(line -> line.substring(0, line.indexOf(':')))
                        .toList());
        assertTrue(figure(evaluate.outLines(), "accuracy") >= 0.9, evaluate.describe());
    }

    @Test
    void idxImagesTrainWithTheirLabelsFile() {
        Path spec = write(
                "digits.yaml",
                """
                network: SmallDigitsNet
                package: com.example.digits
                input: 784
                layers:
                  - {dense: 32, activation: relu, init: he_normal}
                  - {dense: 10, activation: softmax}
                loss: categorical_crossentropy
                """);

        NetcRun run = netc(
                "train",
                spec.toString(),
                "--data",
                DIGITS + "train-images-idx3-ubyte.gz",
                "--labels",
                DIGITS + "train-labels-idx1-ubyte.gz",
                "--test",
                DIGITS + "t10k-images-idx3-ubyte.gz",
                "--test-labels",
                DIGITS + "t10k-labels-idx1-ubyte.gz",
                "--epochs",
                "1",
                "--optimizer",
                "adam",
                "--scale",
                "0.00392156862745098",
                "--quiet",
                "--out",
                dir.resolve("digits.netc").toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("test (2000 samples):"), run.describe());
        assertTrue(figure(run.outLines(), "accuracy") >= 0.85, run.describe());
    }

    @Test
    void badDataIsOneMessageNamingTheFileAndRowWithoutAStackTrace() {
        Path ragged = write("ragged.csv", "a,b,c,d,species\n1,2,3,4,setosa\n1,2,3,setosa\n");

        NetcRun run = netc(
                "train",
                IRIS_SPEC,
                "--data",
                ragged.toString(),
                "--out",
                dir.resolve("w").toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("netc train: "), run.describe());
        assertTrue(run.err().contains("ragged.csv"), run.describe());
        assertTrue(run.err().contains("line 3"), run.describe());
        assertFalse(run.err().contains("\tat "), "no stack trace\n" + run.describe());
        assertFalse(Files.exists(dir.resolve("w")), "nothing saved");
    }

    @Test
    void aBadSpecGivesItsDiagnostics() {
        NetcRun run = netc(
                "train",
                "src/test/resources/specs/softmax-hidden.yaml",
                "--data",
                IRIS_DATA,
                "--out",
                dir.resolve("w").toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("[netc:softmax-not-output]"), run.describe());
    }

    @Test
    void weightsOfAnotherShapeAreRefusedByEvaluate() {
        String weights = dir.resolve("iris.netc").toString();
        assertEquals(
                0,
                netc("train", IRIS_SPEC, "--data", IRIS_DATA, "--epochs", "1", "--quiet", "--out", weights)
                        .exitCode());
        Path wide = write(
                "wide.yaml",
                """
                network: IrisNet
                package: com.example.iris
                input: 4
                layers:
                  - {dense: 16, activation: tanh}
                  - {dense: 3, activation: softmax}
                loss: categorical_crossentropy
                """);

        NetcRun run = netc("evaluate", wide.toString(), "--weights", weights, "--data", IRIS_DATA);

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("netc evaluate: "), run.describe());
        assertTrue(run.err().contains("[8, 4]") && run.err().contains("[16, 4]"), run.describe());
    }

    /**
     * Without {@code classes:} in the spec, class names are numbered on the training data: a test file that lacks a
     * class keeps the others' indices in train, evaluate and predict (numbered on their own, versicolor and virginica
     * would become classes 0 and 1, and nearly every answer would count as wrong).
     */
    @Test
    void aTestFileWithoutSomeClassIsNumberedAsTheTrainingData() throws IOException {
        Path spec = write("iris.yaml", IRIS_WITHOUT_CLASSES);
        List<String> rows = Files.readAllLines(Path.of(IRIS_DATA));
        Path noSetosa = writeLines(
                "no-setosa.csv",
                rows.stream().filter(row -> !row.endsWith(",setosa")).toList());
        String weights = dir.resolve("iris.netc").toString();

        NetcRun train = trainIris(spec.toString(), IRIS_DATA, weights, "--test", noSetosa.toString());
        NetcRun evaluate = netc("evaluate", spec.toString(), "--weights", weights, "--data", noSetosa.toString());
        NetcRun predict = netc(
                "predict",
                spec.toString(),
                "--weights",
                weights,
                "--input",
                write("two.csv", "a,b,c,d\n5.1,3.5,1.4,0.2\n6.3,3.3,6.0,2.5\n").toString());

        assertEquals(0, train.exitCode(), train.describe());
        assertTrue(train.out().contains("test (100 samples):"), train.describe());
        assertTrue(figure(train.outLines(), "accuracy") >= 0.9, train.describe());
        assertEquals(0, evaluate.exitCode(), evaluate.describe());
        assertTrue(figure(evaluate.outLines(), "accuracy") >= 0.9, evaluate.describe());
        assertEquals(0, predict.exitCode(), predict.describe());
        assertEquals("setosa,versicolor,virginica", predict.outLines().get(0), predict.describe());
    }

    @Test
    void aLabelTheTrainingDataNeverHadIsAnErrorNamingItsLine() {
        Path spec = write("iris.yaml", IRIS_WITHOUT_CLASSES);
        Path daisies = write(
                "daisies.csv", "sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,daisy\n");

        NetcRun run = netc(
                "train",
                spec.toString(),
                "--data",
                IRIS_DATA,
                "--test",
                daisies.toString(),
                "--epochs",
                "1",
                "--quiet",
                "--out",
                dir.resolve("iris.netc").toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("netc train: " + daisies + ": line 2, "), run.describe());
        assertTrue(run.err().contains("unknown class \"daisy\""), run.describe());
    }

    @Test
    void evaluateRefusesASpecWhoseClassesAreNotTheTrainedOnes() {
        Path spec = write("iris.yaml", IRIS_WITHOUT_CLASSES);
        String weights = dir.resolve("iris.netc").toString();
        assertEquals(
                0,
                netc("train", spec.toString(), "--data", IRIS_DATA, "--epochs", "1", "--quiet", "--out", weights)
                        .exitCode());
        Path reordered = write(
                "reordered.yaml",
                IRIS_WITHOUT_CLASSES.replace("input: 4\n", "input: 4\nclasses: [virginica, setosa, versicolor]\n"));

        NetcRun run = netc("evaluate", reordered.toString(), "--weights", weights, "--data", IRIS_DATA);

        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(
                "netc evaluate: " + weights + ": the network was trained on the classes [setosa, versicolor,"
                        + " virginica], but the spec names [virginica, setosa, versicolor]; the outputs follow the"
                        + " weight file's order",
                run.err().strip(),
                run.describe());
    }

    /**
     * The UCI file as the Iris write-up read it: no header, and labels such as {@code Iris-setosa}. Without {@code
     * --no-header} its first flower would be taken for column names; it is refused instead.
     */
    @Test
    void aFileWithoutAHeaderTrainsWithNoHeader() throws IOException {
        Path spec = write("iris.yaml", IRIS_WITHOUT_CLASSES);
        List<String> rows = Files.readAllLines(Path.of(IRIS_DATA));
        Path uci = writeLines(
                "iris.data",
                rows.subList(1, rows.size()).stream()
                        .map(row -> row.replaceFirst(",([a-z]+)$", ",Iris-$1"))
                        .toList());
        String weights = dir.resolve("iris.netc").toString();

        NetcRun train = trainIris(spec.toString(), uci.toString(), weights, "--no-header", "--test-split", "0.3");
        NetcRun byName = netc(
                "train",
                spec.toString(),
                "--data",
                uci.toString(),
                "--no-header",
                "--label",
                "species",
                "--quiet",
                "--out",
                weights);

        NetcRun withoutTheOption =
                netc("train", spec.toString(), "--data", uci.toString(), "--quiet", "--out", weights);

        assertEquals(0, train.exitCode(), train.describe());
        assertTrue(train.out().contains("test (45 samples):"), train.describe());
        assertTrue(figure(train.outLines(), "accuracy") >= 0.9, train.describe());
        assertEquals(1, byName.exitCode(), byName.describe());
        assertEquals(
                "netc train: --label: expected a 0-based column index, as --no-header gives the columns no names;"
                        + " found species",
                byName.err().strip());
        assertEquals(1, withoutTheOption.exitCode(), withoutTheOption.describe());
        assertEquals(
                "netc train: " + uci + ": line 1 is numbers, not column names: it is data; for a file without a"
                        + " header line, pass --no-header",
                withoutTheOption.err().strip());
    }

    @Test
    void usageMistakesExitWithTwo() {
        String out = dir.resolve("w").toString();

        assertEquals(
                2,
                netc("train", IRIS_SPEC, "--data", IRIS_DATA, "--out", out, "--optimizer", "adamax")
                        .exitCode());
        assertEquals(
                2,
                netc("train", IRIS_SPEC, "--data", IRIS_DATA, "--out", out, "--lr", "-1")
                        .exitCode());
        assertEquals(
                2,
                netc("train", IRIS_SPEC, "--data", IRIS_DATA, "--out", out, "--standardize", "--minmax")
                        .exitCode());
        assertEquals(
                2,
                netc("train", IRIS_SPEC, "--data", IRIS_DATA, "--out", out, "--test-split", "1.5")
                        .exitCode());
        assertEquals(2, netc("train", IRIS_SPEC, "--data", IRIS_DATA).exitCode(), "--out is required");
    }

    /**
     * {@code netc train} of an Iris spec with the settings that bring it to the issue's floor (200 epochs of batches of
     * 8, standardised, seed 7), and {@code options}.
     */
    private static NetcRun trainIris(String spec, String data, String weights, String... options) {
        List<String> args = new ArrayList<>(List.of("train", spec, "--data", data));
        args.addAll(List.of(options));
        args.addAll(List.of("--epochs", "200", "--batch", "8", "--standardize", "--seed", "7", "--quiet"));
        args.addAll(List.of("--out", weights));
        return netc(args.toArray(String[]::new));
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path writeLines(String name, List<String> lines) {
        return write(name, String.join("\n", lines) + "\n");
    }

    /** The value of a {@code name: value} line. */
    private static double figure(List<String> lines, String name) {
        return lines.stream()
                .filter(line -> line.startsWith(name + ": "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 2)))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no " + name + " line in " + lines));
    }
}
