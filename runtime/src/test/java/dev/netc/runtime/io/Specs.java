package dev.netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.check.SpecValidator;
import dev.netc.spec.CheckedNetwork;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.yaml.YamlSpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/** The networks the tests save and load, read from {@code io/specs/*.yaml} through the real front end. */
final class Specs {

    /**
     * Every network of {@code io/specs} that is valid: the four sample networks (copies of {@code samples/specs}), a
     * graph with a concat, a graph with an add, a layer without bias and dropout, and a chain with dropout.
     */
    static final List<String> SEEDS =
            List.of("xor", "blobs", "iris", "digits", "iris-graph", "residual", "dropout-chain");

    private Specs() {}

    /** The checked network of {@code io/specs/<name>.yaml}. */
    static CheckedNetwork checked(String name) {
        String resource = "/io/specs/" + name + ".yaml";
        byte[] content;
        try (InputStream in = Specs.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Diagnostics diagnostics = new Diagnostics();
        CheckedNetwork network = YamlSpecReader.read(content, resource, diagnostics)
                .flatMap(spec -> SpecValidator.validate(spec, diagnostics))
                .orElse(null);
        assertTrue(diagnostics.isClean(), diagnostics::toString);
        return network;
    }

    static Architecture architecture(String name) {
        return Architecture.of(checked(name));
    }

    /**
     * Parameters for {@code architecture}, random but reproducible from {@code seed}, starting with values whose bits
     * a careless encoder would change: negative zero, infinities, a NaN with a payload, the smallest subnormal.
     */
    static float[] parameters(Architecture architecture, long seed) {
        float[] parameters = new float[Math.toIntExact(architecture.parameterCount())];
        Random random = new Random(seed);
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = (float) random.nextGaussian();
        }
        float[] special = {
            -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00abc), Float.MIN_VALUE
        };
        System.arraycopy(special, 0, parameters, 0, Math.min(special.length, parameters.length));
        return parameters;
    }
}
