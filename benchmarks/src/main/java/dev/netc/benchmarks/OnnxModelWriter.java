package dev.netc.benchmarks;

import com.google.protobuf.ByteString;
import dev.netc.benchmarks.HandWrittenNetwork.Hidden;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Writes a workload network as an ONNX model for {@link OnnxRuntimeNetwork}, with the parameters of netc's flat layout
 * (for each layer, weights row-major {@code [units][inputs]}, then bias {@code [units]}) as its initializers. Each
 * dense layer is a {@code Gemm} node with {@code transB = 1}, which takes the weights in that same layout, followed by
 * its activation: {@code Tanh} or {@code Relu} for the hidden layers, {@code Softmax} over the last axis for the
 * output. The model has one input, {@value #INPUT}, of shape {@code [batch, inputs]}, and one output, {@value
 * #OUTPUT}, of shape {@code [batch, classes]}, the batch left symbolic.
 *
 * <p>Field numbers are those of {@code onnx.proto}; only the fields these models need are written.
 */
final class OnnxModelWriter {

    static final String INPUT = "input";
    static final String OUTPUT = "output";

    /** The format's version 8 (2021), which ONNX Runtime reads from release 1.10. */
    private static final long IR_VERSION = 8;

    /** The default operator set's version: from 13, {@code Softmax} normalises the last axis alone, as netc does. */
    private static final long OPSET_VERSION = 13;

    /** {@code TensorProto.DataType.FLOAT}. */
    private static final long FLOAT = 1;

    /** {@code AttributeProto.AttributeType.INT}. */
    private static final long INT_ATTRIBUTE = 2;

    private OnnxModelWriter() {}

    /**
     * The serialized model of a network of {@code inputs} features and layers of {@code units} (the last the softmax
     * output), hidden layers activated by {@code hidden}, with {@code parameters} in netc's layout.
     *
     * @throws IllegalArgumentException if {@code parameters} is not exactly as long as the layers need
     */
    static byte[] denseNetwork(int inputs, int[] units, Hidden[] hidden, float[] parameters) {
        if (hidden.length != units.length - 1) {
            throw new IllegalArgumentException(
                    "expected " + (units.length - 1) + " hidden activations, found " + hidden.length);
        }
        ProtoMessage graph = new ProtoMessage().string(2, "netc workload network");
        int offset = 0;
        int in = inputs;
        String x = INPUT;
        for (int l = 0; l < units.length; l++) {
            String name = "dense" + (l + 1);
            int weights = units[l] * in;
            if (offset + weights + units[l] > parameters.length) {
                throw new IllegalArgumentException("expected more than " + parameters.length + " parameters: layer "
                        + (l + 1) + " ends at " + (offset + weights + units[l]));
            }
            graph.message(5, tensor(name + ".weight", new long[] {units[l], in}, parameters, offset, weights));
            graph.message(5, tensor(name + ".bias", new long[] {units[l]}, parameters, offset + weights, units[l]));
            offset += weights + units[l];
            boolean output = l == units.length - 1;
            String activation = output ? "Softmax" : hidden[l] == Hidden.TANH ? "Tanh" : "Relu";
            String y = output ? OUTPUT : name + "." + activation.toLowerCase(Locale.ROOT);
            ProtoMessage transB =
                    new ProtoMessage().string(1, "transB").int64(3, 1).int64(20, INT_ATTRIBUTE);
            graph.message(
                    1,
                    node("Gemm", name, name + ".gemm", x, name + ".weight", name + ".bias")
                            .message(5, transB));
            graph.message(1, node(activation, y, name + "." + activation, name));
            x = y;
            in = units[l];
        }
        if (offset != parameters.length) {
            throw new IllegalArgumentException(
                    "expected " + offset + " parameters for these layers, found " + parameters.length);
        }
        graph.message(11, matrix(INPUT, inputs));
        graph.message(12, matrix(OUTPUT, units[units.length - 1]));
        return new ProtoMessage()
                .int64(1, IR_VERSION)
                .string(2, "netc benchmarks")
                .message(7, graph)
                .message(8, new ProtoMessage().string(1, "").int64(2, OPSET_VERSION))
                .toByteString()
                .toByteArray();
    }

    /** A node of {@code op} named {@code name}, from {@code inputs} to the one value {@code output}. */
    private static ProtoMessage node(String op, String output, String name, String... inputs) {
        ProtoMessage node = new ProtoMessage();
        for (String input : inputs) {
            node.string(1, input);
        }
        return node.string(2, output).string(3, name).string(4, op);
    }

    /** A float initializer of shape {@code dims}: {@code length} values of {@code values} from {@code from}. */
    private static ProtoMessage tensor(String name, long[] dims, float[] values, int from, int length) {
        ByteBuffer raw = ByteBuffer.allocate(4 * length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values, from, length);
        ProtoMessage tensor = new ProtoMessage();
        for (long dim : dims) {
            tensor.int64(1, dim);
        }
        return tensor.int64(2, FLOAT).string(8, name).bytes(9, ByteString.copyFrom(raw));
    }

    /** The value {@code name}: floats of shape {@code [batch, columns]}. */
    private static ProtoMessage matrix(String name, int columns) {
        ProtoMessage shape = new ProtoMessage()
                .message(1, new ProtoMessage().string(2, "batch"))
                .message(1, new ProtoMessage().int64(1, columns));
        ProtoMessage tensorType = new ProtoMessage().int64(1, FLOAT).message(2, shape);
        return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensorType));
    }
}
