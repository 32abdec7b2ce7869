package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.netc.processor.report.WrappedEnvironments;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The processor's contract with javac: what it claims, in what order it works, and how it copes with wrappers. */
class NetcProcessorTest {

    /** An interface with one mistake: softmax on a hidden layer. */
    private static JavaFileObject network(String name) {
        return JavaFileObjects.forSourceLines(
                "com.example." + name,
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface " + name + " {",
                "    @Dense(units = 4, activation = Activation.SOFTMAX)",
                "    @Dense(units = 1)",
                "    float predict(float[] x);",
                "}");
    }

    @Test
    void supportsTheNetworkAnnotationOnTheLatestSourceVersion() {
        NetcProcessor processor = new NetcProcessor();

        assertThat(processor.getSupportedAnnotationTypes()).containsExactly("dev.netc.Network");
        assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    }

    @Test
    void interfacesAreProcessedInOrderOfTheirNames() {
        List<String> order = new ArrayList<>();
        JavaFileObject zeta = JavaFileObjects.forSourceLines(
                "com.example.Zeta",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Zeta {",
                "    @Dense(units = 1)",
                "    float predict(float[] x);",
                "}");
        JavaFileObject alpha = JavaFileObjects.forSourceLines(
                "com.example.Alpha",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Alpha {",
                "    @Dense(units = 1)",
                "    float predict(float[] x);",
                "}");

        Compilation compilation = NetcCompiler.compile(
                ready -> order.add(ready.origin().getSimpleName().toString()), zeta, alpha);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(order).containsExactly("Alpha", "Zeta").inOrder();
    }

    @Test
    void errorsOfSeveralInterfacesComeOutInOrderOfTheirNames() {
        Compilation compilation = NetcCompiler.compile(network("Zeta"), network("Alpha"));

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation.errors().get(0).getSource().getName()).endsWith("Alpha.java");
        assertThat(compilation.errors().get(1).getSource().getName()).endsWith("Zeta.java");
    }

    @Test
    void wrappedEnvironmentFallsBackToMessagerWithoutCrashing() {
        JavaFileObject source = network("Wrapped");

        Compilation compilation =
                NetcCompiler.compileWith(List.of(WrappedEnvironments.wrapping(new NetcProcessor())), source);

        // Messager cannot reach a value inside javac's implicit container: the caret is on the method.
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("found on 'dense1' [netc:softmax-not-output]")
                .inFile(source)
                .onLine(9)
                .atColumn(11);
    }

    @Test
    void wrappedEnvironmentStillReachesASingleAnnotationsValue() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Wrapped",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "@Optimizer(value = Optimizer.Kind.SGD, rho = 0.9)",
                "interface Wrapped {",
                "    @Dense(units = 1)",
                "    float predict(float[] x);",
                "}");

        Compilation compilation =
                NetcCompiler.compileWith(List.of(WrappedEnvironments.wrapping(new NetcProcessor())), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("optimizer sgd does not use 'rho'; it takes learningRate, weightDecay")
                .inFile(source)
                .onLine(6)
                .atColumn(46);
    }

    @Test
    void enumOutputGeneratedLaterIsWaitedForLikeAnInputRecord() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Colours",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.CATEGORICAL_CROSSENTROPY, inputSize = 3)",
                "interface Colours {",
                "    @Dense(units = 3, activation = Activation.SOFTMAX)",
                "    Colour predict(float[] rgb);",
                "}");

        Compilation compilation = NetcCompiler.compile(source);

        assertThat(compilation)
                .hadErrorContaining("type Colour could not be resolved [netc:unresolved-type]")
                .inFile(source)
                .onLine(6)
                .atColumn(1);
    }

    @Test
    void typeNamesThatDoNotLookLikeJavaConventionsStillCompile() {
        // A package segment in upper case and types in lower case: nothing may guess where the package ends.
        JavaFileObject sample = JavaFileObjects.forSourceLines(
                "com.Acme.nets.sample", "package com.Acme.nets;", "", "public record sample(float a, double b) {}");
        JavaFileObject scorer = JavaFileObjects.forSourceLines(
                "com.Acme.nets.scorer",
                "package com.Acme.nets;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(name = \"ScorerNet\", loss = Loss.CATEGORICAL_CROSSENTROPY)",
                "public interface scorer {",
                "    enum verdict { no, yes }",
                "",
                "    @Dense(units = 2, activation = Activation.SOFTMAX)",
                "    verdict judge(sample s);",
                "}");

        Compilation compilation = NetcCompiler.compileWith(List.of(new NetcProcessor()), sample, scorer);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.Acme.nets.ScorerNet").isNotNull();
    }
}
