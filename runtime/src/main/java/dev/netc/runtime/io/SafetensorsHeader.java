package dev.netc.runtime.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.netc.runtime.io.WeightFileException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a safetensors header, the JSON object that lists the tensors, strictly: valid UTF-8, starting with {@code
 * {}, one object whose members are {@code __metadata__} (strings to strings) and tensors, each with exactly {@code
 * dtype}, {@code shape} and {@code data_offsets}; no name twice. Jackson's streaming parser reads the JSON, limited
 * in depth and number length, and nothing is bound to classes. The offsets are then checked by {@link
 * SafetensorsLayout}.
 */
final class SafetensorsHeader {

    static final String METADATA = "__metadata__";

    /** A header is at most three levels deep (object, tensor, shape); deeper is refused early. */
    private static final int MAX_DEPTH = 8;

    /** More dimensions than any tensor has, to bound what a shape array can make the reader allocate. */
    private static final int MAX_RANK = 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(32)
                    .build())
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private final String file;

    private SafetensorsHeader(String file) {
        this.file = file;
    }

    /** The tensors (in header order) and metadata of the header {@code bytes}. */
    static Parsed parse(byte[] bytes, String file) throws WeightFileException {
        return new SafetensorsHeader(file).parse(bytes);
    }

    /** What a header lists, before its offsets are checked. */
    record Parsed(List<SafetensorsTensor> tensors, Map<String, String> metadata) {}

    private Parsed parse(byte[] bytes) throws WeightFileException {
        String text = decode(bytes);
        if (text.isEmpty() || text.charAt(0) != '{') {
            String found = text.isEmpty() ? "an empty header" : "'" + printable(text.charAt(0)) + "'";
            throw invalid(null, "expected the header to start with '{', found " + found, "InvalidHeaderStart");
        }
        try (JsonParser parser = JSON.createParser(text)) {
            Parsed parsed = members(parser);
            if (parser.nextToken() != null) {
                throw invalid(
                        null, "unexpected content after the header's JSON object", "InvalidHeaderDeserialization");
            }
            return parsed;
        } catch (WeightFileException e) {
            throw e;
        } catch (JacksonException e) {
            long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw invalid(
                    at < 0 ? null : "header character " + at,
                    "invalid JSON: " + e.getOriginalMessage(),
                    "InvalidHeaderDeserialization");
        } catch (IOException e) {
            throw invalid(null, "invalid JSON: " + e.getMessage(), "InvalidHeaderDeserialization");
        }
    }

    private String decode(byte[] bytes) throws WeightFileException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(null, "the header is not valid UTF-8", "InvalidHeader");
        }
    }

    private Parsed members(JsonParser parser) throws IOException {
        parser.nextToken();
        List<SafetensorsTensor> tensors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> metadata = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (!names.add(name)) {
                throw new WeightFileException(
                        Problem.DUPLICATE_TENSOR,
                        file,
                        "tensor '" + name + "'",
                        "the name appears twice in the header; expected each name once");
            }
            if (name.equals(METADATA)) {
                metadata = metadata(parser);
            } else {
                tensors.add(tensor(parser, name));
            }
        }
        return new Parsed(tensors, metadata == null ? Map.of() : metadata);
    }

    private Map<String, String> metadata(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT, METADATA, "an object of strings");
        Map<String, String> metadata = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                throw invalid(
                        METADATA + " entry '" + key + "'",
                        "expected a string value (metadata maps strings to strings), found " + describe(value),
                        "InvalidHeaderDeserialization");
            }
            if (metadata.put(key, parser.getText()) != null) {
                throw invalid(
                        METADATA + " entry '" + key + "'", "the key appears twice", "InvalidHeaderDeserialization");
            }
        }
        return metadata;
    }

    private SafetensorsTensor tensor(JsonParser parser, String name) throws IOException {
        String where = "tensor '" + name + "'";
        expect(parser, JsonToken.START_OBJECT, where, "an object with dtype, shape and data_offsets");
        String dtype = null;
        List<Long> shape = null;
        List<Long> offsets = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            boolean repeated;
            switch (field) {
                case "dtype" -> {
                    repeated = dtype != null;
                    dtype = dtype(parser, where);
                }
                case "shape" -> {
                    repeated = shape != null;
                    shape = integers(parser, where + ", shape", MAX_RANK);
                }
                case "data_offsets" -> {
                    repeated = offsets != null;
                    offsets = integers(parser, where + ", data_offsets", 2);
                }
                default -> throw invalid(
                        where,
                        "unknown field '" + field + "'; expected dtype, shape and data_offsets",
                        "InvalidHeaderDeserialization");
            }
            if (repeated) {
                throw invalid(where, "field '" + field + "' appears twice", "InvalidHeaderDeserialization");
            }
        }
        if (dtype == null || shape == null || offsets == null) {
            throw invalid(where, "expected the fields dtype, shape and data_offsets", "InvalidHeaderDeserialization");
        }
        if (offsets.size() != 2) {
            throw invalid(
                    where,
                    "expected data_offsets [begin, end], found " + offsets.size() + " numbers",
                    "InvalidHeaderDeserialization");
        }
        return new SafetensorsTensor(name, dtype, shape, offsets.get(0), offsets.get(1));
    }

    private String dtype(JsonParser parser, String where) throws IOException {
        expect(parser, JsonToken.VALUE_STRING, where + ", dtype", "a string");
        String dtype = parser.getText();
        if (SafetensorsDtype.named(dtype).isEmpty()) {
            throw invalid(
                    where,
                    "unknown dtype '" + dtype + "'; expected one of " + List.of(SafetensorsDtype.values()),
                    "InvalidHeaderDeserialization");
        }
        return dtype;
    }

    /** An array of at most {@code max} non-negative integers that fit a long. */
    private List<Long> integers(JsonParser parser, String where, int max) throws IOException {
        expect(parser, JsonToken.START_ARRAY, where, "an array of non-negative integers");
        List<Long> values = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (values.size() == max) {
                throw invalid(where, "expected at most " + max + " numbers", "InvalidHeaderDeserialization");
            }
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                if (token == JsonToken.VALUE_NUMBER_INT && parser.getText().charAt(0) != '-') {
                    throw new WeightFileException(
                            Problem.VALIDATION_OVERFLOW,
                            file,
                            where,
                            parser.getText() + " does not fit 63 bits (safetensors: ValidationOverflow)");
                }
                throw invalid(
                        where,
                        "expected a non-negative integer, found " + parser.getText(),
                        "InvalidHeaderDeserialization");
            }
            long value = parser.getLongValue();
            if (value < 0) {
                throw invalid(where, "expected a non-negative integer, found " + value, "InvalidHeaderDeserialization");
            }
            values.add(value);
        }
        return values;
    }

    private void expect(JsonParser parser, JsonToken expected, String where, String what) throws IOException {
        if (parser.currentToken() != expected) {
            throw invalid(
                    where,
                    "expected " + what + ", found " + describe(parser.currentToken()),
                    "InvalidHeaderDeserialization");
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the header";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c);
    }

    /** A header that breaks a rule; {@code rule} is the reference implementation's name for the error. */
    private WeightFileException invalid(String where, String message, String rule) {
        return new WeightFileException(Problem.INVALID_HEADER, file, where, message + " (safetensors: " + rule + ")");
    }
}
