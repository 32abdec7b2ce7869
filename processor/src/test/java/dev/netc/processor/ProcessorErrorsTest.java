package dev.netc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each mistake a user can make in an annotated interface, compiled with the processor: the message (with its tag)
 * and the exact line and column javac shows. Sources are quoted inline so the positions can be checked by eye.
 */
class ProcessorErrorsTest {

    @Test
    void softmaxOnARepeatedHiddenLayerPointsAtTheActivationValue() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Iris",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.CATEGORICAL_CROSSENTROPY)",
                "interface Iris {",
                "    @Dense(units = 8, activation = Activation.TANH)",
                "    @Dense(units = 8, activation = Activation.SOFTMAX)",
                "    @Dense(units = 3, activation = Activation.SOFTMAX)",
                "    float[] predict(Features features);",
                "",
                "    record Features(float a, float b, float c, float d) {}",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "softmax is allowed only on the output layer, found on 'dense2' [netc:softmax-not-output]",
                8,
                46);
    }

    @Test
    void enumConstantCountMustMatchTheOutputUnits() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Iris",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.CATEGORICAL_CROSSENTROPY)",
                "interface Iris {",
                "    @Dense(units = 8, activation = Activation.TANH)",
                "    @Dense(units = 3, activation = Activation.SOFTMAX)",
                "    Species predict(Features features);",
                "",
                "    record Features(float a, float b, float c, float d) {}",
                "",
                "    enum Species { SETOSA, VERSICOLOR, VIRGINICA, OTHER }",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "output layer 'dense2' has 3 units but 4 classes are named [netc:class-count]",
                9,
                13);
    }

    @Test
    void unknownInputNamePointsAtTheArrayElement() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Branches",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 4)",
                "interface Branches {",
                "    @Dense(name = \"left\", units = 8, activation = Activation.RELU)",
                "    @Dense(name = \"right\", units = 8, activation = Activation.TANH)",
                "    @Dense(name = \"out\", units = 1, inputs = \"both\")",
                "    @Concat(name = \"both\", inputs = {\"left\", \"rigth\"})",
                "    float[] predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "layer 'both' reads 'rigth', which is not a layer; did you mean 'right'? [netc:unknown-input]",
                10,
                46);
    }

    @Test
    void duplicateLayerNamePointsAtTheSecondNameAndNamesTheFirst() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Twice",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Twice {",
                "    @Dense(name = \"hidden\", units = 4, activation = Activation.TANH)",
                "    @Dense(name = \"hidden\", units = 1)",
                "    float[] predict(float[] x);",
                "}");

        Compilation compilation = NetcCompiler.compile(source);

        assertThat(compilation)
                .hadErrorContaining("layer name 'hidden' is used twice; it is first given at "
                        + "com.example.Twice.predict @Dense#1 name [netc:duplicate-name]")
                .inFile(source)
                .onLine(8)
                .atColumn(19);
    }

    @Test
    void nonNumericRecordComponentPointsAtTheComponent() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Houses",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR)",
                "interface Houses {",
                "    @Dense(units = 1)",
                "    float predict(House house);",
                "",
                "    record House(float area, String street, int rooms) {}",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "record component 'street' of House is java.lang.String; expected a numeric primitive"
                        + " [netc:non-numeric-component]",
                10,
                37);
    }

    @Test
    void unsupportedReturnTypePointsAtTheMethod() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Words",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 3)",
                "interface Words {",
                "    @Dense(units = 1)",
                "    String predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "expected the output to be float[], float, int, boolean or an enum, found java.lang.String"
                        + " [netc:unsupported-output]",
                8,
                12);
    }

    @Test
    void unsupportedParameterTypePointsAtTheParameter() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Words",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR)",
                "interface Words {",
                "    @Dense(units = 1)",
                "    float predict(double[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "expected the input to be a record of numeric components or float[], found double[]"
                        + " [netc:unsupported-input]",
                8,
                28);
    }

    @Test
    void floatArrayInputNeedsAnInputSize() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Blobs",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.BINARY_CROSSENTROPY)",
                "interface Blobs {",
                "    @Dense(units = 1, activation = Activation.SIGMOID)",
                "    boolean predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "a float[] input needs @Network(inputSize = ...), found no inputSize [netc:input-size-needed]",
                5,
                1);
    }

    @Test
    void networkOnAClassIsRejected() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Concrete",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR)",
                "abstract class Concrete {",
                "    @Dense(units = 1)",
                "    abstract float predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "@Network must be on an interface, found class com.example.Concrete [netc:not-interface]",
                5,
                1);
    }

    @Test
    void twoAbstractMethodsAreRejected() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Two",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Two {",
                "    @Dense(units = 1)",
                "    float predict(float[] x);",
                "",
                "    float explain(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "a @Network interface needs exactly one abstract method, found 2 [netc:method-count]",
                6,
                1);
    }

    @Test
    void interfaceWithoutDenseLayersIsRejected() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Empty",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Empty {",
                "    @Add(inputs = {\"input\", \"input\"})",
                "    float[] predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "method predict has no @Dense layers [netc:no-layer-annotations]",
                8,
                13);
    }

    @Test
    void optimizerOptionTheKindDoesNotUsePointsAtTheOption() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Tuned",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "@Optimizer(value = Optimizer.Kind.SGD, learningRate = 0.1, beta2 = 0.99)",
                "interface Tuned {",
                "    @Dense(units = 1)",
                "    float predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "optimizer sgd does not use 'beta2'; it takes learningRate, weightDecay [netc:optimizer-option]",
                6,
                68);
    }

    @Test
    void aTrainingDefaultBelowOnePointsAtItsValue() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Trained",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "@Training(epochs = 20, batchSize = 0)",
                "interface Trained {",
                "    @Dense(units = 1)",
                "    float predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "batch_size of training must be a whole number >= 1, found 0 [netc:value-out-of-range]",
                6,
                36);
    }

    @Test
    void binaryCrossEntropyOnThreeSoftmaxUnitsPointsAtTheLoss() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Wrong",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.BINARY_CROSSENTROPY, inputSize = 4)",
                "interface Wrong {",
                "    @Dense(units = 8, activation = Activation.RELU)",
                "    @Dense(units = 3, activation = Activation.SOFTMAX)",
                "    float[] predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "loss binary_crossentropy needs one output unit with sigmoid, found 3 units with softmax on 'dense2'"
                        + " [netc:loss-activation]",
                5,
                21);
    }

    @Test
    void cyclePointsAtTheInputThatClosesIt() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Loop",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Loop {",
                "    @Dense(name = \"a\", units = 4, inputs = \"b\")",
                "    @Dense(name = \"b\", units = 4, inputs = \"a\")",
                "    @Dense(name = \"out\", units = 1, inputs = \"b\")",
                "    float[] predict(float[] x);",
                "}");

        assertOneError(NetcCompiler.compile(source), source, "layers form a cycle: a -> b -> a [netc:cycle]", 7, 44);
    }

    @Test
    void unusedLayerPointsAtItsAnnotation() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Spare",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Spare {",
                "    @Dense(name = \"hidden\", units = 4, activation = Activation.TANH)",
                "    @Dense(name = \"spare\", units = 4, inputs = \"hidden\")",
                "    @Dense(name = \"out\", units = 1, inputs = \"hidden\")",
                "    float[] predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "layer 'spare' is not read by any layer and is not the output ('out') [netc:unused-layer]",
                8,
                5);
    }

    @Test
    void zeroUnitsPointsAtTheUnitsValue() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Nothing",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Nothing {",
                "    @Dense(units = 4, activation = Activation.TANH)",
                "    @Dense(units = 0)",
                "    float[] predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "units of dense 'dense2' must be between 1 and 65536, found 0 [netc:size-out-of-range]",
                8,
                20);
    }

    @Test
    void dropoutOutOfRangePointsAtTheDropoutValue() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Leaky",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Leaky {",
                "    @Dense(units = 4, dropout = 1.5)",
                "    @Dense(units = 1)",
                "    float[] predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "dropout of dense 'dense1' must be a finite number in [0, 1), found 1.5 [netc:value-out-of-range]",
                7,
                33);
    }

    @Test
    void dropoutOnTheOutputPointsAtTheDropoutValue() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Dropping",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Dropping {",
                "    @Dense(units = 4, activation = Activation.RELU, dropout = 0.5)",
                "    @Dense(units = 1, dropout = 0.25)",
                "    float[] predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "dropout on the output layer 'dense2' would drop the network's predictions in training; put it on a"
                        + " hidden layer [netc:dropout-on-output]",
                8,
                33);
    }

    @Test
    void booleanOutputNeedsExactlyOneUnit() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Gate",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Gate {",
                "    @Dense(units = 4, activation = Activation.TANH)",
                "    @Dense(units = 3, activation = Activation.SIGMOID)",
                "    boolean predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "method returns boolean, which needs exactly 1 unit; output layer 'dense2' has 3 units"
                        + " [netc:output-type-size]",
                8,
                20);
    }

    @Test
    void argMaxOutputNeedsAtLeastTwoUnits() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Pick",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Pick {",
                "    @Dense(units = 1)",
                "    int predict(float[] x);",
                "}");

        assertOneError(
                NetcCompiler.compile(source),
                source,
                "method returns int, which needs at least 2 units to choose the arg-max from; output layer 'dense1'"
                        + " has 1 unit [netc:output-type-size]",
                7,
                20);
    }

    @Test
    void twoInterfacesGeneratingOneClassAreReportedAtBoth() {
        JavaFileObject first = JavaFileObjects.forSourceLines(
                "com.example.First",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(name = \"SharedNet\", loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface First {",
                "    @Dense(units = 1)",
                "    float[] predict(float[] x);",
                "}");
        JavaFileObject second = JavaFileObjects.forSourceLines(
                "com.example.Second",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(name = \"SharedNet\", loss = Loss.MEAN_SQUARED_ERROR, inputSize = 3)",
                "interface Second {",
                "    @Dense(units = 1)",
                "    float[] predict(float[] x);",
                "}");
        List<ReadyNetwork> generated = new ArrayList<>();

        Compilation compilation = NetcCompiler.compile(generated::add, first, second);

        String message = "class com.example.SharedNet is generated from both com.example.First and"
                + " com.example.Second [netc:duplicate-class]";
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(message)
                .inFile(first)
                .onLine(5)
                .atColumn(17);
        assertThat(compilation)
                .hadErrorContaining(message)
                .inFile(second)
                .onLine(5)
                .atColumn(17);
        assertThat(generated).hasSize(1);
    }

    @Test
    void internalErrorIsReportedAndTheNextInterfaceIsStillProcessed() {
        JavaFileObject broken = JavaFileObjects.forSourceLines(
                "com.example.Broken",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Broken {",
                "    @Dense(units = 1)",
                "    float[] predict(float[] x);",
                "}");
        JavaFileObject fine = JavaFileObjects.forSourceLines(
                "com.example.Fine",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Fine {",
                "    @Dense(units = 1)",
                "    float[] predict(float[] x);",
                "}");
        List<String> generated = new ArrayList<>();

        Compilation compilation = NetcCompiler.compile(
                ready -> {
                    if (ready.network().spec().name().equals("BrokenNet")) {
                        throw new IllegalStateException("injected failure");
                    }
                    generated.add(ready.network().spec().name());
                },
                fine,
                broken);

        assertOneError(
                compilation,
                broken,
                "netc internal error while processing com.example.Broken (please report):"
                        + " java.lang.IllegalStateException: injected failure",
                6,
                1);
        assertThat(compilation).hadErrorContaining("[netc:internal-error]").inFile(broken);
        assertThat(generated).containsExactly("FineNet");
    }

    @Test
    void valueJavacRejectsIsLeftToJavac() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Typo",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                "interface Typo {",
                "    @Dense(units = 4, activation = Activation.RELUU)",
                "    @Dense(units = 1)",
                "    float[] predict(float[] x);",
                "}");

        Compilation compilation = NetcCompiler.compile(source);

        assertThat(compilation)
                .hadErrorContaining("cannot find symbol")
                .inFile(source)
                .onLine(7);
        assertThat(compilation.errors()).isNotEmpty();
        compilation.errors().forEach(error -> assertThat(error.getMessage(null)).doesNotContain("[netc:"));
    }

    @Test
    void everyMistakeOfOneInterfaceIsReportedAtOnce() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.Many",
                "package com.example;",
                "",
                "import dev.netc.*;",
                "",
                "@Network(loss = Loss.MEAN_SQUARED_ERROR)",
                "@Optimizer(value = Optimizer.Kind.ADAM, momentum = 0.9)",
                "interface Many {",
                "    @Dense(units = 4, activation = Activation.SOFTMAX)",
                "    @Dense(units = 1)",
                "    float predict(In in);",
                "",
                "    record In(float a, boolean b) {}",
                "}");

        Compilation compilation = NetcCompiler.compile(source);

        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation)
                .hadErrorContaining("[netc:optimizer-option]")
                .inFile(source)
                .onLine(6);
        assertThat(compilation)
                .hadErrorContaining("[netc:softmax-not-output]")
                .inFile(source)
                .onLine(8);
        assertThat(compilation)
                .hadErrorContaining("[netc:non-numeric-component]")
                .inFile(source)
                .onLine(12);
    }

    private static void assertOneError(
            Compilation compilation, JavaFileObject source, String message, int line, int column) {
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(message)
                .inFile(source)
                .onLine(line)
                .atColumn(column);
    }
}
