package dev.netc.processor.emit;

import com.palantir.javapoet.JavaFile;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The digits network's generated source (784-512-256-128-10, every layer looped), as exact text: the class {@code
 * docs/generated-code.md} tours, so its excerpts are checked against this golden ({@code GeneratedCodeDocTest}).
 */
class DigitsGoldenTest {

    private static final CheckedNetwork DIGITS = GeneratedNetworks.checked(
            """
            network: DigitsNet
            package: com.example.digits
            input: 784
            layers:
              - {dense: 512, activation: relu, init: he_normal}
              - {dense: 256, activation: relu, init: he_normal}
              - {dense: 128, activation: relu, init: he_normal}
              - {dense: 10, activation: softmax, init: he_normal}
            loss: categorical_crossentropy
            optimizer: {sgd: {learning_rate: 0.01}}
            training: {epochs: 50, batch_size: 32}
            """);

    @Test
    void digits() {
        JavaFile file = NetworkClassEmitter.emit(DIGITS, EmitOptions.of("src/main/netc/digits.yaml"));
        GeneratedNetworks.compile(List.of(file));
        Goldens.assertMatches("DigitsGoldenTest", "digits", "com.example.digits.DigitsNet", file.toString());
    }
}
