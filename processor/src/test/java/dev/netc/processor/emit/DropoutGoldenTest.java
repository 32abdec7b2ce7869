package dev.netc.processor.emit;

import com.palantir.javapoet.JavaFile;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A network with dropout on an unrolled and on a looped layer, as exact text: the training forward pass that drops
 * their outputs for the layers after them, and the backward pass that applies the same masks to their gradients.
 */
class DropoutGoldenTest {

    private static final CheckedNetwork DROPOUT = GeneratedNetworks.checked(
            """
            network: DropoutNet
            package: com.example.dropout
            input: 4
            layers:
              - {dense: 16, activation: tanh, name: hidden, dropout: 0.2}
              - {dense: 32, activation: relu, name: wide, dropout: 0.5}
              - {dense: 3, activation: softmax, name: out}
            loss: categorical_crossentropy
            """);

    @Test
    void unrolledAndLoopedLayersWithDropout() {
        JavaFile file = NetworkClassEmitter.emit(DROPOUT, EmitOptions.of("src/main/netc/dropout.yaml"));

        GeneratedNetworks.compile(List.of(file));
        Goldens.assertMatches(
                "DropoutGoldenTest", "unrolledAndLooped", "com.example.dropout.DropoutNet", file.toString());
    }
}
