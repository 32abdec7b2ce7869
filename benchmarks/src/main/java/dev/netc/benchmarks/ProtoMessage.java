package dev.netc.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One protocol-buffer message being written, field by field, with protobuf's own encoder: what {@link
 * OnnxModelWriter} needs to write an ONNX model without the classes generated from {@code onnx.proto}, which no Maven
 * artifact publishes for Java. Fields are written in the order they are added; a nested message is written whole,
 * length first.
 */
final class ProtoMessage {

    private final ByteString.Output bytes = ByteString.newOutput();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    ProtoMessage int64(int field, long value) {
        return write(() -> out.writeInt64(field, value));
    }

    ProtoMessage string(int field, String value) {
        return write(() -> out.writeString(field, value));
    }

    ProtoMessage bytes(int field, ByteString value) {
        return write(() -> out.writeBytes(field, value));
    }

    ProtoMessage message(int field, ProtoMessage value) {
        return bytes(field, value.toByteString());
    }

    ByteString toByteString() {
        write(out::flush);
        return bytes.toByteString();
    }

    private ProtoMessage write(Write write) {
        try {
            write.run();
        } catch (IOException e) { // ByteString.Output is in memory: it never fails
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private interface Write {
        void run() throws IOException;
    }
}
