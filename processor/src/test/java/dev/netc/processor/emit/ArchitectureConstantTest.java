package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.runtime.TrainableNetwork;
import dev.netc.runtime.io.Architecture;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A generated class's {@code ARCHITECTURE} is, layer for layer, what the runtime's {@code Architecture.of} builds from
 * the same checked network: for a chain, and for a graph with concat and add, a layer without bias, dropout and
 * every activation's name.
 */
class ArchitectureConstantTest {

    @Test
    void aChainStatesTheRuntimesArchitecture() {
        assertStatesItsArchitecture(
                """
                network: ChainNet
                package: com.example.arch
                input: 5
                layers:
                  - {dense: 7, activation: gelu, dropout: 0.25}
                  - {dense: 6, activation: leaky_relu, use_bias: false}
                  - {dense: 4, activation: elu}
                  - {dense: 3, activation: softmax}
                loss: categorical_crossentropy
                """,
                "com.example.arch.ChainNet");
    }

    @Test
    void aGraphStatesTheRuntimesArchitecture() {
        assertStatesItsArchitecture(
                """
                network: MergeNet
                package: com.example.arch
                input: 3
                layers:
                  - {dense: 2, activation: relu, name: left, inputs: input}
                  - {dense: 2, activation: softplus, name: right, inputs: input}
                  - {concat: [left, right], name: both}
                  - {dense: 2, activation: linear, name: mixed, inputs: both}
                  - {add: [mixed, left], name: sum}
                  - {dense: 1, activation: sigmoid, name: out, inputs: sum}
                loss: binary_crossentropy
                """,
                "com.example.arch.MergeNet");
    }

    private static void assertStatesItsArchitecture(String yaml, String className) {
        CheckedNetwork checked = GeneratedNetworks.checked(yaml);
        ClassLoader loader = GeneratedNetworks.load(
                GeneratedNetworks.compile(List.of(NetworkClassEmitter.emit(checked, EmitOptions.of("test")))));
        TrainableNetwork net = GeneratedNetworks.instance(loader, className);

        Architecture expected = Architecture.of(checked);
        assertEquals(Optional.of(expected), net.architecture());
        assertEquals(expected.parameterCount(), net.parameterCount());
    }
}
