package dev.netc.processor.emit;

import com.palantir.javapoet.JavaFile;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The XOR network's generated source, unrolled (the default) and looped (unroll limit 0), as exact text. */
class XorGoldenTest {

    private static final CheckedNetwork XOR = GeneratedNetworks.checked(
            """
            network: XorNet
            package: com.example.xor
            input: [x, y, xy]
            layers:
              - {dense: 2, activation: sigmoid, name: hidden}
              - {dense: 1, activation: sigmoid, name: output}
            loss: binary_crossentropy
            """);

    @Test
    void unrolled() {
        check("unrolled", EmitOptions.of("src/main/netc/xor.yaml"));
    }

    @Test
    void looped() {
        check("looped", EmitOptions.of("src/main/netc/xor.yaml").withUnrollLimit(0));
    }

    private static void check(String method, EmitOptions options) {
        JavaFile file = NetworkClassEmitter.emit(XOR, options);
        GeneratedNetworks.compile(List.of(file));
        Goldens.assertMatches("XorGoldenTest", method, "com.example.xor.XorNet", file.toString());
    }
}
