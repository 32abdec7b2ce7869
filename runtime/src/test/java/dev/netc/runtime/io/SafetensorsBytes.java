package dev.netc.runtime.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Builds safetensors files byte by byte, so that tests can break each rule of the format on purpose. */
final class SafetensorsBytes {

    private SafetensorsBytes() {}

    /** A file of the header length, the UTF-8 {@code header}, then {@code dataBytes} bytes 0, 1, 2, ... */
    static Path write(Path file, String header, int dataBytes) {
        return TestFiles.write(file, bytes(header.getBytes(StandardCharsets.UTF_8), dataBytes));
    }

    /** The header length, {@code header}, then {@code dataBytes} bytes 0, 1, 2, ... */
    static byte[] bytes(byte[] header, int dataBytes) {
        ByteBuffer file = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length).put(header);
        for (int i = 0; i < dataBytes; i++) {
            file.put((byte) i);
        }
        return file.array();
    }

    /** A header entry for one tensor. */
    static String tensor(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + ","
                + end + "]}";
    }
}
