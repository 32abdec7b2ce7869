package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.spec.CheckedNetwork;
import org.junit.jupiter.api.Test;

/** The one-line summary the processor prints per generated class when asked to be verbose. */
class NetworkSummaryTest {

    private static final CheckedNetwork IRIS = GeneratedNetworks.checked(
            """
            network: IrisNet
            package: com.example.iris
            input: 4
            layers:
              - {dense: 8, activation: tanh}
              - {dense: 8, activation: relu}
              - {dense: 3, activation: softmax}
            loss: categorical_crossentropy
            """);

    @Test
    void smallLayersAreUnrolledAndEveryWeightCostsAMultiplyAndAnAdd() {
        // 4*8 + 8*8 + 8*3 = 120 weights, 2 FLOPs each; 120 weights + 19 biases
        assertEquals(
                "IrisNet: 4 -> 3, 139 parameters, 240 FLOPs per sample (forward); unrolled: dense1, dense2, dense3;"
                        + " looped: none",
                NetworkClassEmitter.summary(IRIS, EmitOptions.of("test")));
    }

    @Test
    void anUnrollLimitOfZeroLoopsEveryLayer() {
        assertEquals(
                "IrisNet: 4 -> 3, 139 parameters, 240 FLOPs per sample (forward); unrolled: none;"
                        + " looped: dense1, dense2, dense3",
                NetworkClassEmitter.summary(IRIS, EmitOptions.of("test").withUnrollLimit(0)));
    }

    @Test
    void layersAboveTheLimitAreLooped() {
        CheckedNetwork network = GeneratedNetworks.checked(
                """
                network: WideNet
                package: com.example.wide
                input: 20
                layers:
                  - {dense: 16, activation: relu, name: wide}
                  - {dense: 4, activation: linear, name: narrow, use_bias: false}
                loss: mean_squared_error
                """);

        // wide: 320 weights + 16 units = 336 > 256, looped; narrow: 64 + 4 = 68, unrolled
        assertEquals(
                "WideNet: 20 -> 4, 400 parameters, 768 FLOPs per sample (forward); unrolled: narrow; looped: wide",
                NetworkClassEmitter.summary(network, EmitOptions.of("test")));
    }

    @Test
    void mergesAreNotListedAndAnAddCostsOneFlopPerElementPerExtraInput() {
        CheckedNetwork network = GeneratedNetworks.checked(
                """
                network: MergeNet
                package: com.example.merge
                input: 3
                layers:
                  - {dense: 2, activation: relu, name: left, inputs: input}
                  - {dense: 2, activation: tanh, name: right, inputs: input}
                  - {dense: 2, activation: tanh, name: middle, inputs: input}
                  - {concat: [left, right], name: both}
                  - {dense: 2, activation: linear, name: mixed, inputs: both}
                  - {add: [mixed, left, middle], name: sum}
                  - {dense: 1, activation: sigmoid, name: out, inputs: sum}
                loss: binary_crossentropy
                """);

        // dense: 2 * (6 + 6 + 6 + 8 + 2) = 56; add: 2 extra inputs * 2 elements = 4; layers in evaluation order
        assertEquals(
                "MergeNet: 3 -> 1, 37 parameters, 60 FLOPs per sample (forward);"
                        + " unrolled: left, right, mixed, middle, out; looped: none",
                NetworkClassEmitter.summary(network, EmitOptions.of("test")));
    }
}
