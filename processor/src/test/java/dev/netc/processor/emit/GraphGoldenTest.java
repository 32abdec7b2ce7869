package dev.netc.processor.emit;

import com.palantir.javapoet.JavaFile;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A graph network from YAML, with a concat and an add (one of whose inputs is also read by the concat, so its
 * gradient gathers from two layers), as exact text.
 */
class GraphGoldenTest {

    private static final CheckedNetwork MERGE = GeneratedNetworks.checked(
            """
            network: MergeNet
            package: com.example.merge
            input: 3
            layers:
              - {dense: 2, activation: relu, name: left, inputs: input}
              - {dense: 2, activation: tanh, name: right, inputs: input}
              - {concat: [left, right], name: both}
              - {dense: 2, activation: linear, name: mixed, inputs: both}
              - {add: [mixed, left], name: sum}
              - {dense: 1, activation: sigmoid, name: out, inputs: sum}
            loss: binary_crossentropy
            """);

    @Test
    void concatAndAdd() {
        JavaFile file = NetworkClassEmitter.emit(MERGE, EmitOptions.of("src/main/netc/merge.yaml"));

        GeneratedNetworks.compile(List.of(file));
        Goldens.assertMatches("GraphGoldenTest", "concatAndAdd", "com.example.merge.MergeNet", file.toString());
    }
}
