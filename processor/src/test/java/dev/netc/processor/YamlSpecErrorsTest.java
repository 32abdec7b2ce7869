package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in YAML specs and spec directories, compiled with the processor: javac shows each as an error whose
 * message starts with {@code path:line:column:} (javac cannot point into a YAML file itself), and no class is
 * generated for a spec with an error.
 */
class YamlSpecErrorsTest {

    @TempDir
    Path temp;

    @Test
    void everyErrorOfASpecIsReportedAtItsLineAndColumnAndNoClassIsGenerated() {
        SpecDirectory specs = new SpecDirectory(temp)
                .write(
                        "broken.yaml",
                        "network: BrokenNet",
                        "package: com.example",
                        "input: 2",
                        "layers:",
                        "  - {dense: 2, activation: sigmoidd}",
                        "  - {dense: 1, activaton: sigmoid}",
                        "loss: binary_crossentropy");
        String broken = specs.display("broken.yaml");

        Compilation compilation = specs.compile();

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(broken
                        + ":5:28: unknown activation 'sigmoidd'; did you mean 'sigmoid'? [netc:unknown-activation]");
        assertThat(compilation).hadErrorContaining(broken + ":6:16: unknown key 'activaton' in dense layer 'dense2'");
    }

    @Test
    void validationErrorsAreReportedOnceTheSpecReads() {
        SpecDirectory specs = new SpecDirectory(temp)
                .write(
                        "iris.yaml",
                        "network: IrisNet",
                        "package: com.example",
                        "input: 4",
                        "layers:",
                        "  - {dense: 8, activation: softmax}",
                        "  - {dense: 3, activation: softmax}",
                        "loss: categorical_crossentropy");

        Compilation compilation = specs.compile();

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(specs.display("iris.yaml")
                        + ":5:28: softmax is allowed only on the output layer, found on 'dense1'"
                        + " [netc:softmax-not-output]");
    }

    @Test
    void specWithAnErrorGetsNoClassAndDoesNotStopTheOthers(@TempDir Path output) {
        SpecDirectory specs = new SpecDirectory(temp)
                .write("a-broken.yaml", "network: BrokenNet", "package: com.example", "input: 2")
                .write("xor.yaml", SpecDirectory.xor());
        String broken = specs.display("a-broken.yaml");

        SpecDirectory.DiskCompilation compilation = specs.compileToDisk(output);

        assertThat(compilation.errors())
                .containsExactly(
                        broken + ":1:1: the network spec needs 'layers' (a list of layers) [netc:missing-key]",
                        broken + ":1:1: the network spec needs 'loss' (one of mean_squared_error, mean_absolute_error,"
                                + " binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy)"
                                + " [netc:missing-key]")
                .inOrder();
        assertThat(Files.exists(compilation.source("com.example.BrokenNet"))).isFalse();
        assertThat(Files.isRegularFile(compilation.source("com.example.xor.XorNet")))
                .isTrue();
    }

    @Test
    void missingDirectoryIsAnErrorNamingWhereItWasLookedFor() {
        Path missing = temp.resolve("src/main/netc");

        Compilation compilation = new SpecDirectory(missing).compile();

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("expected a directory of YAML specs for -Anetc.specDir, found nothing at " + missing
                        + " [netc:spec-dir-not-found]");
    }

    @Test
    void missingRelativeDirectoryNamesTheWorkingDirectoryItWasResolvedAgainst() {
        Path workingDirectory = Path.of("").toAbsolutePath();

        Compilation compilation = new SpecDirectory(Path.of("no-such-module", "src", "main", "netc")).compile();

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("found nothing at "
                        + workingDirectory.resolve("no-such-module/src/main/netc")
                        + "; a relative directory is resolved against javac's working directory, "
                        + workingDirectory
                        + " [netc:spec-dir-not-found]");
    }

    @Test
    void fileNamedAsTheDirectoryIsAnError() {
        SpecDirectory specs = new SpecDirectory(temp).write("xor.yaml", SpecDirectory.xor());
        Path file = specs.root().resolve("xor.yaml");

        Compilation compilation = new SpecDirectory(file).compile();

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("found a file at " + file + " [netc:spec-dir-not-found]");
    }

    @Test
    void directoryWithoutSpecsIsAWarning() throws IOException {
        Files.writeString(temp.resolve("iris.json"), "{}");

        Compilation compilation = new SpecDirectory(temp).compile();

        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation)
                .hadWarningContaining("spec directory " + temp + " has no *.yaml or *.yml file [netc:no-specs]");
    }

    @Test
    void yamlSpecAndInterfaceGeneratingOneClassAreAnErrorAtBoth() {
        SpecDirectory specs = new SpecDirectory(temp).write("xor.yaml", SpecDirectory.xor());
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.xor.Xor",
                "package com.example.xor;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(name = \"XorNet\", loss = Loss.BINARY_CROSSENTROPY, inputSize = 3)",
                "interface Xor {",
                "    @Dense(units = 1, activation = Activation.SIGMOID)",
                "    float predict(float[] x);",
                "}");
        String yaml = specs.display("xor.yaml");
        String message = "class com.example.xor.XorNet is generated from both " + yaml
                + " and com.example.xor.Xor [netc:duplicate-class]";

        Compilation compilation = specs.compile(source);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(yaml + ":1:10: " + message);
        assertThat(compilation)
                .hadErrorContaining(message)
                .inFile(source)
                .onLine(5)
                .atColumn(17);
    }

    @Test
    void twoYamlSpecsGeneratingOneClassAreAnErrorAtBoth() {
        SpecDirectory specs = new SpecDirectory(temp)
                .write("a/xor.yaml", SpecDirectory.xor())
                .write("b/xor.yaml", SpecDirectory.xor());
        String first = specs.display("a/xor.yaml");
        String second = specs.display("b/xor.yaml");
        String message = "class com.example.xor.XorNet is generated from both " + first + " and " + second
                + " [netc:duplicate-class]";

        Compilation compilation = specs.compile();

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(first + ":1:10: " + message);
        assertThat(compilation).hadErrorContaining(second + ":1:10: " + message);
    }

    @Test
    void errorsAboutFilesHaveNoJavaSourcePosition() {
        SpecDirectory specs = new SpecDirectory(temp).write("empty.yaml", "");

        Compilation compilation = specs.compile();

        List<Diagnostic<? extends JavaFileObject>> errors = List.copyOf(compilation.errors());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getSource()).isNull();
        assertThat(errors.get(0).getMessage(null)).startsWith(specs.display("empty.yaml") + ":1:1: spec is empty");
    }
}
