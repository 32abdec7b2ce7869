package dev.netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Half-precision and double weights load as floats: files written by NumPy ({@code io/dtypes/make.py}) with the
 * float32 values NumPy converts them to, and every one of the 65,536 binary16 values against its definition.
 */
class SafetensorsDtypesTest {

    @Test
    void f16WeightsLoadExactly() throws Exception {
        assertLoadsAsNumPyConverts("F16");
    }

    @Test
    void bf16WeightsLoadExactly() throws Exception {
        assertLoadsAsNumPyConverts("BF16");
    }

    @Test
    void f64WeightsLoadRoundedToTheNearestFloat() throws Exception {
        assertLoadsAsNumPyConverts("F64");
    }

    /**
     * Each binary16 value against its definition, computed in double: {@code (-1)^s * 2^(e - 15) * (1 + f / 1024)},
     * {@code (-1)^s * 2^-14 * f / 1024} for the subnormals; infinities, and NaNs that keep their payload.
     */
    @Test
    void everyHalfIsTheFloatItDenotes() {
        List<String> wrong = new ArrayList<>();
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            int sign = bits >>> 15;
            int exponent = (bits >>> 10) & 0x1F;
            int fraction = bits & 0x3FF;
            float expected;
            if (exponent == 0x1F) {
                expected = fraction == 0
                        ? (sign == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY)
                        : Float.intBitsToFloat(sign << 31 | 0x7F80_0000 | fraction << 13);
            } else {
                double magnitude = exponent == 0
                        ? Math.scalb((double) fraction, -24)
                        : Math.scalb(1024.0 + fraction, exponent - 25);
                expected = (float) (sign == 0 ? magnitude : -magnitude);
            }
            float found = SafetensorsFloats.halfToFloat((short) bits);
            if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(found)) {
                wrong.add(String.format(Locale.ROOT, "%04x: expected %s, found %s", bits, expected, found));
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void assertLoadsAsNumPyConverts(String dtype) throws Exception {
        Architecture xor = Specs.architecture("xor");
        float[] loaded = Safetensors.load(resource("xor-" + dtype.toLowerCase(Locale.ROOT) + ".safetensors"), xor);

        JsonNode expected = expected().get(dtype);
        assertEquals(expected.size(), loaded.length, "parameters");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < loaded.length; i++) {
            float value = expected.get(i).floatValue();
            if (Float.floatToRawIntBits(value) != Float.floatToRawIntBits(loaded[i])) {
                wrong.add(i + ": expected " + value + ", found " + loaded[i]);
            }
        }
        assertEquals(List.of(), wrong, dtype);
    }

    private static JsonNode expected() throws IOException {
        try (InputStream in = SafetensorsDtypesTest.class.getResourceAsStream("/io/dtypes/expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(
                SafetensorsDtypesTest.class.getResource("/io/dtypes/" + name).toURI());
    }
}
