package dev.netc.processor.emit;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.netc.processor.NetcProcessor;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.TrainingSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The training defaults a spec states reach its generated class ({@code statedTraining()}), from YAML and from
 * {@code @Training}; a spec that states none gives a class that states none.
 */
class StatedTrainingTest {

    private static final String NETWORK =
            """
            network: TrainedNet
            package: com.example.trained
            input: 3
            layers:
              - {dense: 4, activation: tanh}
              - {dense: 2, activation: softmax}
            loss: categorical_crossentropy
            """;

    @Test
    void theYamlDefaultsReachTheClass() {
        TrainableNetwork net = generated(NETWORK + "training: {epochs: 500, batch_size: 1}\n");

        assertEquals(Optional.of(TrainingSpec.NONE.withEpochs(500).withBatchSize(1)), net.statedTraining());
    }

    @Test
    void oneDefaultAloneReachesTheClass() {
        TrainableNetwork net = generated(NETWORK + "training: {batch_size: 16}\n");

        assertEquals(Optional.of(TrainingSpec.NONE.withBatchSize(16)), net.statedTraining());
    }

    @Test
    void aSpecWithoutTrainingDefaultsStatesNone() {
        assertEquals(Optional.empty(), generated(NETWORK).statedTraining());
    }

    @Test
    void theAnnotationReachesTheClass() {
        Compilation compilation = javac().withProcessors(new NetcProcessor())
                .withOptions(GeneratedNetworks.STRICT)
                .compile(JavaFileObjects.forSourceLines(
                        "com.example.trained.Trained",
                        "package com.example.trained;",
                        "",
                        "import dev.netc.*;",
                        "",
                        "@Network(name = \"TrainedNet\", loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                        "@Training(epochs = 200, batchSize = 8)",
                        "interface Trained {",
                        "    @Dense(units = 4, activation = Activation.TANH)",
                        "    @Dense(units = 1)",
                        "    float predict(float[] x);",
                        "}"));

        TrainableNetwork net = (TrainableNetwork) GeneratedNetworks.instance(
                GeneratedNetworks.load(compilation), "com.example.trained.TrainedNet", new float[17]);

        assertEquals(Optional.of(TrainingSpec.NONE.withEpochs(200).withBatchSize(8)), net.statedTraining());
    }

    private static TrainableNetwork generated(String yaml) {
        CheckedNetwork checked = GeneratedNetworks.checked(yaml);
        return GeneratedNetworks.instance(
                GeneratedNetworks.load(
                        GeneratedNetworks.compile(List.of(NetworkClassEmitter.emit(checked, EmitOptions.of("test"))))),
                "com.example.trained.TrainedNet");
    }
}
