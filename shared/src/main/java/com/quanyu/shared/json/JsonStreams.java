package com.quanyu.shared.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON trees and plain values (maps, lists, strings, numbers, booleans) read and written with
 * Jackson's streaming parser and generator, without an {@code ObjectMapper}: building the mapper
 * (databind's serialiser and deserialiser factories, the JSR-310 module, its date format's locale
 * data) was the largest piece above the floor in the ingest function's first request
 * (docs/BENCHMARKS.md), and that request only parses a body into a tree and writes trees and maps.
 * Reads and writes exactly what {@link Json#mapper()} does for these values ({@code JsonStreamsTest}
 * compares them); {@link Json} sends everything else (records, {@code java.time}, enums) to the mapper.
 */
final class JsonStreams {
    /** The mapper's factory's defaults (nesting and length limits, quoting of NaN and infinities). */
    private static final JsonFactory FACTORY = new JsonFactory();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonStreams() {}

    /** As {@code ObjectMapper.readTree(String)}: a missing node for blank text, trailing content ignored. */
    static JsonNode readTree(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return readRoot(parser);
        }
    }

    /** As {@code ObjectMapper.readTree(byte[])}, invalid UTF-8 a parse error. */
    static JsonNode readTree(byte[] utf8) throws IOException {
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            return readRoot(parser);
        }
    }

    private static JsonNode readRoot(JsonParser parser) throws IOException {
        return parser.nextToken() == null ? NODES.missingNode() : value(parser);
    }

    /** The value at the parser's current token, as databind's tree deserialiser builds it. */
    private static JsonNode value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.replace(name, value(parser)); // a repeated key: the last value, at the first's place
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected token " + parser.currentToken());
        };
    }

    /**
     * Whether {@link #write} writes {@code value} as the mapper would: null, a string, boolean, whole
     * or decimal number of the JDK's boxed kinds, a tree of plain nodes, or maps with string keys and
     * lists of such values.
     */
    static boolean isPlain(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return true;
        }
        if (value instanceof JsonNode node) {
            return isPlainTree(node);
        }
        if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !isPlain(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!isPlain(element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isPlainTree(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, ARRAY -> {
                for (JsonNode child : node) {
                    if (!isPlainTree(child)) {
                        yield false;
                    }
                }
                yield true;
            }
            case STRING, NUMBER, BOOLEAN, NULL -> true;
            default -> false; // binary, POJO and missing nodes: the mapper's business
        };
    }

    /** A plain value ({@link #isPlain}) as JSON text. */
    static String write(Object plain) {
        StringWriter out = new StringWriter();
        generate(() -> FACTORY.createGenerator(out), plain);
        return out.toString();
    }

    /** A plain value ({@link #isPlain}) as UTF-8 JSON, as the mapper's {@code writeValueAsBytes}. */
    static byte[] writeUtf8(Object plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        generate(() -> FACTORY.createGenerator(out), plain);
        return out.toByteArray();
    }

    /** Opens the generator of one output. */
    @FunctionalInterface
    private interface Output {
        JsonGenerator open() throws IOException;
    }

    private static void generate(Output output, Object plain) {
        try (JsonGenerator generator = output.open()) {
            write(generator, plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Map entries with a null value are left out, as the mapper's non-null inclusion does; list elements are not. */
    private static void write(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case String text -> out.writeString(text);
            case Boolean bool -> out.writeBoolean(bool);
            case Integer number -> out.writeNumber(number);
            case Long number -> out.writeNumber(number);
            case Double number -> out.writeNumber(number);
            case BigInteger number -> out.writeNumber(number);
            case BigDecimal number -> out.writeNumber(number);
            case JsonNode node -> writeTree(out, node);
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (var entry : map.entrySet()) {
                    if (entry.getValue() != null) {
                        out.writeFieldName((String) entry.getKey());
                        write(out, entry.getValue());
                    }
                }
                out.writeEndObject();
            }
            case List<?> list -> {
                out.writeStartArray();
                for (Object element : list) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            default -> throw new IllegalArgumentException("not a plain JSON value: " + value.getClass());
        }
    }

    /** A tree as the mapper writes it: every field, null ones included. */
    private static void writeTree(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    writeTree(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    writeTree(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> out.writeNumber(node.intValue());
                    case LONG -> out.writeNumber(node.longValue());
                    case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
                    case FLOAT -> out.writeNumber(node.floatValue());
                    case DOUBLE -> out.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default -> throw new IllegalArgumentException("not a plain JSON tree: " + node.getNodeType());
        }
    }

    /** A log field's value as the mapper's {@code valueToTree} makes it, for the kinds log lines mostly carry. */
    static JsonNode tree(Object plain) {
        return switch (plain) {
            case null -> NODES.nullNode();
            case String text -> NODES.textNode(text);
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number.intValue());
            case Long number -> NODES.numberNode(number.longValue());
            default -> throw new IllegalArgumentException("not a plain log value: " + plain.getClass());
        };
    }

    /** Whether {@link #tree} converts {@code value}. */
    static boolean isPlainScalar(Object value) {
        return value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long;
    }
}
