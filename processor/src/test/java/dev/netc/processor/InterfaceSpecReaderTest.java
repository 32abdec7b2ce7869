package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.netc.Activation;
import dev.netc.Init;
import dev.netc.Optimizer.Kind;
import dev.netc.processor.read.TypeRef;
import dev.netc.spec.AddSpec;
import dev.netc.spec.ConcatSpec;
import dev.netc.spec.DenseSpec;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.diag.Positions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What {@code InterfaceSpecReader} makes of annotated interfaces, seen through the checked networks they give. */
class InterfaceSpecReaderTest {

    @Test
    void unnamedLayersAreNamedByTheirRankWithinTheirKind() {
        NetworkSpec spec = readOne(JavaFileObjects.forSourceLines(
                "com.example.Mixed",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 3)",
                "interface Mixed {",
                "    @Dense(units = 4, inputs = \"input\")",
                "    @Dense(name = \"side\", units = 4, inputs = \"input\")",
                "    @Dense(units = 4, inputs = \"add1\")",
                "    @Dense(units = 2, inputs = \"concat1\")",
                "    @Add(inputs = {\"dense1\", \"side\"})",
                "    @Concat(inputs = {\"dense3\", \"side\"})",
                "    float[] predict(float[] x);",
                "}"));

        assertThat(spec.layers().stream().map(LayerSpec::name).toList())
                .containsExactly("dense1", "side", "add1", "dense3", "concat1", "dense4")
                .inOrder();
        assertThat(spec.layers().get(2)).isInstanceOf(AddSpec.class);
        assertThat(spec.layers().get(4)).isInstanceOf(ConcatSpec.class);
    }

    @Test
    void everyDenseAttributeIsRead() {
        NetworkSpec spec = readOne(JavaFileObjects.forSourceLines(
                "com.example.Full",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(name = \"Custom\", loss = Loss.MEAN_SQUARED_ERROR, inputSize = 3)",
                "interface Full {",
                "    @Dense(name = \"hidden\", units = 5, activation = Activation.LEAKY_RELU, init = Init.HE_UNIFORM,",
                "            useBias = false, l2 = 0.001, dropout = 0.25)",
                "    @Dense(name = \"out\", units = 2, inputs = {\"hidden\"})",
                "    float[] predict(float[] x);",
                "}"));

        assertThat(spec.name()).isEqualTo("Custom");
        assertThat(spec.packageName()).isEqualTo("com.example");
        assertThat(spec.layers().get(0))
                .isEqualTo(new DenseSpec(
                        "hidden",
                        List.of("input"),
                        5,
                        Activation.LEAKY_RELU,
                        Init.HE_UNIFORM,
                        false,
                        0.001,
                        0.25,
                        Positions.NONE));
        assertThat(spec.layers().get(1))
                .isEqualTo(DenseSpec.of("out", 2, Activation.LINEAR).withInputs(List.of("hidden")));
    }

    @Test
    void explicitContainerReadsLikeRepeatedAnnotations() {
        List<ReadyNetwork> ready = compileClean(
                JavaFileObjects.forSourceLines(
                        "com.example.Repeated",
                        "package com.example;",
                        "",
                        "import dev.netc.*;",
                        "",
                        "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 3)",
                        "interface Repeated {",
                        "    @Dense(units = 4, activation = Activation.TANH)",
                        "    @Dense(units = 1)",
                        "    float predict(float[] x);",
                        "}"),
                JavaFileObjects.forSourceLines(
                        "com.example.Contained",
                        "package com.example;",
                        "",
                        "import dev.netc.*;",
                        "",
                        "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 3)",
                        "interface Contained {",
                        "    @Dense.List({@Dense(units = 4, activation = Activation.TANH), @Dense(units = 1)})",
                        "    float predict(float[] x);",
                        "}"));

        assertThat(ready).hasSize(2);
        assertThat(ready.get(0).network().spec().name()).isEqualTo("ContainedNet");
        assertThat(ready.get(0).network().layers())
                .isEqualTo(ready.get(1).network().layers());
    }

    @Test
    void optimizerTakesTheKindsDefaultsForOptionsNotGiven() {
        NetworkSpec spec = readOne(JavaFileObjects.forSourceLines(
                "com.example.Tuned",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 3)",
                "@Optimizer(value = Optimizer.Kind.ADAMW, beta2 = 0.99, epsilon = Double.NaN, weightDecay = 0)",
                "interface Tuned {",
                "    @Dense(units = 1)",
                "    float predict(float[] x);",
                "}"));

        OptimizerSpec expected = OptimizerSpec.defaults(Kind.ADAMW)
                .with(OptimizerSpec.BETA2, 0.99)
                .with(OptimizerSpec.WEIGHT_DECAY, 0);
        assertThat(spec.optimizer()).isEqualTo(Optional.of(expected));
    }

    @Test
    void noOptimizerAnnotationMeansNoOptimizer() {
        NetworkSpec spec = readOne(JavaFileObjects.forSourceLines(
                "com.example.Plain",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 3)",
                "interface Plain {",
                "    @Dense(units = 1)",
                "    float predict(float[] x);",
                "}"));

        assertThat(spec.optimizer()).isEqualTo(Optional.empty());
        assertThat(spec.name()).isEqualTo("PlainNet");
    }

    @Test
    void everyNumericPrimitiveComponentIsAFeature() {
        List<ReadyNetwork> ready = compileClean(JavaFileObjects.forSourceLines(
                "com.example.Outer",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "class Outer {",
                "    record Sample(float f, double d, int i, long l, short s, byte b) {}",
                "",
                "    @Network(loss = Loss.MEAN_SQUARED_ERROR)",
                "    interface Nested {",
                "        @Dense(units = 1)",
                "        float predict(Sample sample);",
                "    }",
                "}"));

        ReadyNetwork network = ready.get(0);
        assertThat(network.network().spec().name()).isEqualTo("NestedNet");
        assertThat(network.network().spec().input().features())
                .containsExactly("f", "d", "i", "l", "s", "b")
                .inOrder();
        assertThat(network.signature().interfaceName()).isEqualTo(TypeRef.of("com.example", "Outer", "Nested"));
        assertThat(network.signature().componentTypes())
                .containsExactly("float", "double", "int", "long", "short", "byte")
                .inOrder();
    }

    @Test
    void inheritedAbstractMethodIsTheNetworkMethodAndObjectMethodsDoNotCount() {
        List<ReadyNetwork> ready = compileClean(JavaFileObjects.forSourceLines(
                "com.example.Child",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "interface Base {",
                "    @Dense(units = 1)",
                "    float score(float[] x);",
                "}",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Child extends Base {",
                "    @Override",
                "    String toString();",
                "",
                "    default float twice(float[] x) {",
                "        return 2 * score(x);",
                "    }",
                "}"));

        assertThat(ready.get(0).signature().methodName()).isEqualTo("score");
    }

    @Test
    void explicitInputSizeDisagreeingWithTheRecordIsReported() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Sized",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 3)",
                "interface Sized {",
                "    @Dense(units = 1)",
                "    float predict(In in);",
                "",
                "    record In(float a, float b) {}",
                "}");

        Compilation compilation = NetcCompiler.compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("input has size 3 but names 2 features [netc:feature-count-mismatch]")
                .inFile(source)
                .onLine(8);
    }

    private static NetworkSpec readOne(JavaFileObject source) {
        List<ReadyNetwork> ready = compileClean(source);
        assertThat(ready).hasSize(1);
        return ready.get(0).network().spec();
    }

    private static List<ReadyNetwork> compileClean(JavaFileObject... sources) {
        List<ReadyNetwork> ready = new ArrayList<>();
        Compilation compilation = NetcCompiler.compile(ready::add, sources);
        assertThat(compilation).succeededWithoutWarnings();
        return ready;
    }
}
