package dev.netc.processor.emit;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.netc.Optimizer.Kind;
import dev.netc.processor.NetcProcessor;
import dev.netc.runtime.TrainableNetwork;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The defaults a spec states reach its generated class, from YAML and from annotations: the optimizer, every option
 * resolved ({@code statedOptimizer()}), and the training defaults ({@code statedTraining()}). A spec that states none
 * gives a class that states none.
 */
class StatedDefaultsTest {

    private static final String NETWORK =
            """
            network: StatedNet
            package: com.example.stated
            input: 3
            layers:
              - {dense: 4, activation: tanh}
              - {dense: 2, activation: softmax}
            loss: categorical_crossentropy
            """;

    @Test
    void everyOptimizerOptionOfTheYamlReachesTheClassExactly() {
        // values with no exact binary form, and one far from its default
        CheckedNetwork checked = GeneratedNetworks.checked(NETWORK
                + "optimizer: {adamw: {learning_rate: 0.0003, beta1: 0.85, beta2: 0.995, epsilon: 1.0e-7,"
                + " weight_decay: 0.05}}\n");

        assertEquals(
                checked.spec().optimizer().map(spec -> spec.withPositions(Positions.NONE)),
                generated(checked).statedOptimizer());
    }

    @Test
    void anOptimizerKindAtItsDefaultsReachesTheClass() {
        TrainableNetwork net = generated(GeneratedNetworks.checked(NETWORK + "optimizer: rmsprop\n"));

        assertEquals(Optional.of(OptimizerSpec.defaults(Kind.RMSPROP)), net.statedOptimizer());
    }

    @Test
    void theYamlTrainingDefaultsReachTheClass() {
        TrainableNetwork both =
                generated(GeneratedNetworks.checked(NETWORK + "training: {epochs: 500, batch_size: 1}\n"));
        TrainableNetwork batchOnly = generated(GeneratedNetworks.checked(NETWORK + "training: {batch_size: 16}\n"));

        assertEquals(Optional.of(TrainingSpec.NONE.withEpochs(500).withBatchSize(1)), both.statedTraining());
        assertEquals(Optional.of(TrainingSpec.NONE.withBatchSize(16)), batchOnly.statedTraining());
    }

    @Test
    void aSpecThatStatesNoDefaultsGivesAClassThatStatesNone() {
        TrainableNetwork net = generated(GeneratedNetworks.checked(NETWORK));

        assertEquals(Optional.empty(), net.statedOptimizer());
        assertEquals(Optional.empty(), net.statedTraining());
    }

    @Test
    void theAnnotationsReachTheClass() {
        Compilation compilation = javac().withProcessors(new NetcProcessor())
                .withOptions(GeneratedNetworks.STRICT)
                .compile(JavaFileObjects.forSourceLines(
                        "com.example.stated.Stated",
                        "package com.example.stated;",
                        "",
                        "import dev.netc.*;",
                        "",
                        "@Network(name = \"StatedNet\", loss = Loss.MEAN_SQUARED_ERROR, inputSize = 2)",
                        "@Optimizer(value = Optimizer.Kind.NESTEROV, learningRate = 0.05, momentum = 0.95)",
                        "@Training(epochs = 200, batchSize = 8)",
                        "interface Stated {",
                        "    @Dense(units = 4, activation = Activation.TANH)",
                        "    @Dense(units = 1)",
                        "    float predict(float[] x);",
                        "}"));

        TrainableNetwork net = (TrainableNetwork) GeneratedNetworks.instance(
                GeneratedNetworks.load(compilation), "com.example.stated.StatedNet", new float[17]);

        assertEquals(
                Optional.of(OptimizerSpec.defaults(Kind.NESTEROV)
                        .with(OptimizerSpec.LEARNING_RATE, 0.05)
                        .with(OptimizerSpec.MOMENTUM, 0.95)),
                net.statedOptimizer());
        assertEquals(Optional.of(TrainingSpec.NONE.withEpochs(200).withBatchSize(8)), net.statedTraining());
    }

    private static TrainableNetwork generated(CheckedNetwork checked) {
        return GeneratedNetworks.instance(
                GeneratedNetworks.load(
                        GeneratedNetworks.compile(List.of(NetworkClassEmitter.emit(checked, EmitOptions.of("test"))))),
                "com.example.stated.StatedNet");
    }
}
