package dev.netc.runtime.io;

import dev.netc.runtime.io.Architecture.Layer;
import dev.netc.runtime.io.WeightFileException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code architecture} section: the network's name, input size and layers. Decoding checks that the layers form
 * a network ({@link ArchitectureRules}), so that a file written by a faulty program is refused here rather than
 * misread later.
 *
 * <pre>
 * network string | input size u32 | layer count u32 | per layer:
 *   name string | kind string | input count u32 | inputs string... | input size u32 | size u32 | bias u8
 *   | activation string | dropout f64
 * </pre>
 *
 * Strings are a u16 byte length followed by UTF-8.
 */
final class ArchitectureCodec {

    static final String SECTION = "architecture";

    /** Bounds that no real network reaches, so that a corrupt count cannot make the reader allocate much. */
    private static final int MAX_LAYERS = 100_000;

    private static final int MAX_INPUTS = 10_000;

    private ArchitectureCodec() {}

    static byte[] encode(Architecture architecture) {
        PayloadWriter out = new PayloadWriter()
                .string(architecture.network())
                .count(architecture.inputSize())
                .count(architecture.layers().size());
        for (Layer layer : architecture.layers()) {
            out.string(layer.name()).string(layer.kind()).count(layer.inputs().size());
            layer.inputs().forEach(out::string);
            out.count(layer.inputSize())
                    .count(layer.size())
                    .flag(layer.bias())
                    .string(layer.activation())
                    .number(layer.dropout());
        }
        return out.toByteArray();
    }

    static Architecture decode(byte[] payload, String file) throws WeightFileException {
        PayloadReader in = new PayloadReader(payload, file, SECTION);
        String network = in.string("network name");
        int inputSize = in.count("input size", 1, Integer.MAX_VALUE);
        int count = in.count("layer count", 1, MAX_LAYERS);
        List<Layer> layers = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            layers.add(layer(in));
        }
        in.expectEnd();
        Optional<String> problem = ArchitectureRules.problem(inputSize, layers);
        if (problem.isPresent()) {
            throw new WeightFileException(Problem.MALFORMED, file, "section '" + SECTION + "'", problem.get());
        }
        return new Architecture(network, inputSize, layers);
    }

    private static Layer layer(PayloadReader in) throws WeightFileException {
        String name = in.string("layer name");
        String kind = in.string("layer kind");
        int inputCount = in.count("input count", 1, MAX_INPUTS);
        List<String> inputs = new ArrayList<>(inputCount);
        for (int i = 0; i < inputCount; i++) {
            inputs.add(in.string("input name"));
        }
        int inputSize = in.count("input size", 1, Integer.MAX_VALUE);
        int size = in.count("size", 1, Integer.MAX_VALUE);
        boolean bias = in.flag("bias flag");
        String activation = in.string("activation");
        double dropout = in.number("dropout", 0, 1);
        return new Layer(name, kind, inputs, inputSize, size, bias, activation, dropout);
    }
}
