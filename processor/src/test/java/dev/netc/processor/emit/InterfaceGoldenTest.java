package dev.netc.processor.emit;

import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import dev.netc.processor.read.JavaSignature;
import dev.netc.processor.read.JavaSignature.Output;
import dev.netc.processor.read.TypeRef;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The class generated from an annotated interface with a record in and an enum out (Iris, 4-8 tanh-8 relu-3 softmax,
 * unrolled), as exact text. The network comes from YAML, which {@code SeedNetworksAgreementTest} shows is the same
 * checked network as the annotated form; the signature is the one the annotation reader gives.
 */
class InterfaceGoldenTest {

    private static final CheckedNetwork IRIS = GeneratedNetworks.checked(
            """
            network: IrisNet
            package: com.example.iris
            input: [sepalLength, sepalWidth, petalLength, petalWidth]
            classes: [SETOSA, VERSICOLOR, VIRGINICA]
            layers:
              - {dense: 8, activation: tanh}
              - {dense: 8, activation: relu}
              - {dense: 3, activation: softmax}
            loss: categorical_crossentropy
            """);

    private static final JavaSignature SIGNATURE = new JavaSignature(
            TypeRef.of("com.example.iris", "Iris"),
            "classify",
            "flower",
            Optional.of(TypeRef.of("com.example.iris", "Flower")),
            List.of("float", "float", "double", "double"),
            Output.ENUM,
            Optional.of(TypeRef.of("com.example.iris", "Species")));

    private static final List<JavaFileObject> SOURCES = List.of(
            JavaFileObjects.forSourceLines(
                    "com.example.iris.Iris",
                    "package com.example.iris;",
                    "",
                    "import dev.netc.*;",
                    "",
                    "@Network(loss = Loss.CATEGORICAL_CROSSENTROPY)",
                    "interface Iris {",
                    "    @Dense(units = 8, activation = Activation.TANH)",
                    "    @Dense(units = 8, activation = Activation.RELU)",
                    "    @Dense(units = 3, activation = Activation.SOFTMAX)",
                    "    Species classify(Flower flower);",
                    "}"),
            JavaFileObjects.forSourceLines(
                    "com.example.iris.Flower",
                    "package com.example.iris;",
                    "",
                    "record Flower(float sepalLength, float sepalWidth, double petalLength, double petalWidth) {}"),
            JavaFileObjects.forSourceLines(
                    "com.example.iris.Species",
                    "package com.example.iris;",
                    "",
                    "enum Species { SETOSA, VERSICOLOR, VIRGINICA }"));

    @Test
    void recordInEnumOut() {
        JavaFile file = NetworkClassEmitter.emit(
                IRIS, Optional.of(SIGNATURE), EmitOptions.of("interface com.example.iris.Iris"));

        GeneratedNetworks.compile(List.of(file), SOURCES);
        Goldens.assertMatches("InterfaceGoldenTest", "recordInEnumOut", "com.example.iris.IrisNet", file.toString());
    }
}
